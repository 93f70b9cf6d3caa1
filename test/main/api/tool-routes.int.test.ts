import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startFakeHttpApi, type FakeHttpApi } from "../../fixtures/tools/http-api";
import { repoRoot } from "../../helpers/seed";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

const SECRET = "try-it-secret-5e0c9a7b3d";
const FILES_SERVER = join(repoRoot, "test/fixtures/mcp/files-server.mjs");
const BROKEN_SERVER = join(repoRoot, "test/fixtures/mcp/broken-server.mjs");

/** A scripted agent that calls one tool of its tools node `files`, then answers with the tool's message. */
function agentGraph(name: string, tool: Record<string, unknown>, args: Record<string, string>) {
  return {
    version: 1,
    name,
    entry: "agent",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [
      { id: "agent", kind: "llm", config: { provider: "scripted", tools: [tool.name], replies: [{ when: { type: "turn", index: 0 }, toolCalls: [{ name: tool.name, args }] }, { content: "Notes: {{last_message}}" }] } },
      { id: "files", kind: "tools", config: { tools: [tool] } },
    ],
    edges: [
      { id: "e1", source: "agent", target: "files", when: { type: "has-tool-calls" } },
      { id: "e2", source: "agent", target: "__end__", when: { type: "otherwise" } },
      { id: "e3", source: "files", target: "agent" },
    ],
  };
}

/** Reads notes.txt through the "files" MCP server (or another one). */
const readerGraph = (name: string, server: string) => agentGraph(name, { kind: "mcp", name: "read_notes", server, tool: "read_file" }, { path: "notes.txt" });

/** Calls an http tool whose API echoes the Authorization header (with the secret) back. */
const weatherGraph = (apiUrl: string) =>
  agentGraph("weather", { kind: "http", name: "weather", args: [{ name: "city" }], url: `${apiUrl}/weather?q={{args.city}}`, headers: { Authorization: "Bearer {{secrets.TRY_IT_KEY}}" } }, { city: "Oslo" });

describe("the editor's tool routes and MCP servers of a running server", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  let api: FakeHttpApi;
  let call: ReturnType<typeof http>;
  const writeMcp = (servers: Record<string, unknown>) => writeFileSync(join(workspace.dir, "mcp.json"), JSON.stringify({ mcpServers: servers }));
  const files = (root: string) => ({ command: process.execPath, args: [FILES_SERVER], env: { ROOT: root } });
  const lastText = (body: { messages: Array<{ content: string }> }) => body.messages.at(-1)!.content;

  beforeAll(async () => {
    api = await startFakeHttpApi();
    workspace = makeWorkspace();
    writeFileSync(join(workspace.dir, "notes.txt"), "first notes");
    mkdirSync(join(workspace.dir, "sub"));
    writeFileSync(join(workspace.dir, "sub", "notes.txt"), "notes of sub");
    writeFileSync(join(workspace.dir, "reader.graph.json"), JSON.stringify(readerGraph("reader", "files")));
    writeFileSync(join(workspace.dir, "broken.graph.json"), JSON.stringify(readerGraph("broken", "db")));
    writeMcp({ files: files(".") });
    writeFileSync(join(workspace.dir, "weather.graph.json"), JSON.stringify(weatherGraph(api.url)));
    process.env.TRY_IT_KEY = SECRET;
    server = await startServerProcess(workspace.dir);
    call = http(server.url);
  });

  afterAll(async () => {
    delete process.env.TRY_IT_KEY;
    await server?.stop();
    workspace?.remove();
    await api?.close();
  });

  it("tries an http tool with sample args: the answer as the model would get it, the secret sent but never shown", async () => {
    const tool = { kind: "http", name: "weather", args: [{ name: "city" }], url: `${api.url}/weather?q={{args.city}}`, headers: { Authorization: "Bearer {{secrets.TRY_IT_KEY}}" } };
    const response = await call("POST", "/switchyard/tools/try", { tool, args: { city: "Oslo" } });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(response.json.content)).toEqual({ current: { summary: "Sunny in Oslo", celsius: 21 }, auth: "Bearer [redacted]" });
    expect(response.text).not.toContain(SECRET);
    expect(api.hits.at(-1)!.headers.authorization).toBe(`Bearer ${SECRET}`);

    const missing = await call("POST", "/switchyard/tools/try", { tool: { ...tool, url: `${api.url}/missing?q={{args.city}}` }, args: { city: "Nowhere" } });
    expect(missing.json).toMatchObject({ ok: false, status: 404, content: expect.stringMatching(new RegExp(`^HTTP 404 from ${api.host}: no such city: Nowhere`)) });
    const mock = await call("POST", "/switchyard/tools/try", { tool: { kind: "mock", name: "m", result: "x" } });
    expect(mock.status).toBe(400);
    expect(mock.json.detail).toBe('"Try it" calls http, code and mcp tools; "m" is a mock tool');
  });

  it("tries code and mcp tools: the tool message the model would get, a failure as ok false", async () => {
    const code = await call("POST", "/switchyard/tools/try", { tool: { kind: "code", name: "sum", args: [{ name: "a", type: "number" }, { name: "b", type: "number" }], source: "(args) => ({ total: args.a + args.b })" }, args: { a: 2, b: 3 } });
    expect(code.json).toMatchObject({ ok: true, content: '{"total":5}' });
    expect(typeof code.json.duration_ms).toBe("number");
    const thrown = await call("POST", "/switchyard/tools/try", { tool: { kind: "code", name: "boom", source: "() => { throw new Error('no such city') }" } });
    expect(thrown.json.ok).toBe(false);
    expect(thrown.json.content).toMatch(/^Error: .*no such city/);
    const mcp = await call("POST", "/switchyard/tools/try", { tool: { kind: "mcp", name: "read_notes", server: "files", tool: "read_file" }, args: { path: "notes.txt" } });
    expect(mcp.json).toMatchObject({ ok: true, content: "first notes" });
    const missing = await call("POST", "/switchyard/tools/try", { tool: { kind: "mcp", name: "nope", server: "files", tool: "nope" } });
    expect(missing.json).toMatchObject({ ok: false, content: 'MCP server "files" has no tool "nope" (it lists: read_file, add, crash, token)' });
  });

  it("lists secret names from Settings and secret-like environment variables, never their values", async () => {
    const response = await call("GET", "/switchyard/secrets");
    expect(response.status).toBe(200);
    expect(response.json.secrets).toContainEqual({ name: "TRY_IT_KEY", source: "env" });
    expect(response.json.secrets.map((entry: { name: string }) => entry.name)).not.toContain("PATH");
    expect(response.text).not.toContain(SECRET);
  });

  it("keeps the secret out of the event stream and the state of a run: the echoed key arrives redacted", async () => {
    const response = await fetch(`${server.url}/runs/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "weather", input: { messages: [{ role: "human", content: "weather?" }] }, stream_mode: ["updates", "debug", "values", "events"], on_completion: "keep" }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(api.hits.at(-1)!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(text).toContain("Sunny in Oslo");
    expect(text).toContain("Bearer [redacted]");
    expect(text).not.toContain(SECRET);
  });

  it("lists mcp.json's servers and a server's live tools; an unknown server is a 404", async () => {
    expect((await call("GET", "/switchyard/mcp/servers")).json).toEqual({ servers: [{ name: "files", transport: "stdio", state: expect.stringMatching(/^(not-started|running)$/) }] });
    const listed = await call("GET", "/switchyard/mcp/servers/files/tools");
    expect(listed.status).toBe(200);
    expect((await call("GET", "/switchyard/mcp/servers")).json.servers).toEqual([{ name: "files", transport: "stdio", state: "running" }]);
    expect(listed.json.tools.map((tool: { name: string }) => tool.name).sort()).toEqual(["add", "crash", "read_file", "token"]);
    expect(listed.json.tools.find((tool: { name: string }) => tool.name === "read_file")).toMatchObject({ description: "Reads a text file of the workspace", inputSchema: { required: ["path"] } });
    const unknown = await call("GET", "/switchyard/mcp/servers/nope/tools");
    expect(unknown.status).toBe(404);
    expect(unknown.json.detail).toBe('no MCP server "nope" in mcp.json (it declares: files)');
  });

  it("runs a graph with an mcp tool, and follows mcp.json when it is edited while serving", async () => {
    const first = await call("POST", "/runs/wait", { assistant_id: "reader", input: { messages: [{ role: "human", content: "read" }] } });
    expect(first.status).toBe(200);
    expect(lastText(first.json)).toBe("Notes: first notes");

    writeMcp({ files: files("sub"), db: { command: process.execPath, args: [BROKEN_SERVER] } });
    const second = await call("POST", "/runs/wait", { assistant_id: "reader", input: { messages: [{ role: "human", content: "read" }] } });
    expect(lastText(second.json)).toBe("Notes: notes of sub");
    const servers = await call("GET", "/switchyard/mcp/servers");
    expect(servers.json.servers.map((entry: { name: string }) => entry.name)).toEqual(["db", "files"]);
  });

  it("refuses a run whose MCP server does not start, naming the node and quoting the server's stderr", async () => {
    const failed = await call("GET", "/switchyard/mcp/servers/db/tools");
    expect(failed.status).toBe(422);
    expect(failed.json.detail).toContain("broken-server: cannot open database /nope/db.sqlite");
    const servers = (await call("GET", "/switchyard/mcp/servers")).json.servers;
    expect(servers[0]).toEqual({ name: "db", transport: "stdio", state: "failed", error: expect.stringContaining("broken-server: cannot open database /nope/db.sqlite") });
    const run = await call("POST", "/runs/wait", { assistant_id: "broken", input: { messages: [{ role: "human", content: "read" }] } });
    expect(run.status).toBe(422);
    expect(run.json.problems).toEqual([expect.objectContaining({ nodeId: "files", path: "nodes[1].config.tools[0]", message: expect.stringContaining('MCP server "db" failed to start') })]);
    expect(run.json.problems[0].message).toContain("cannot open database");
  });

  it("shows a server that fails to start as a preflight problem on the node that uses it, with its stderr", async () => {
    const doc = readerGraph("unsaved", "db");
    const response = await call("POST", "/switchyard/preflight", { doc });
    expect(response.status).toBe(200);
    expect(response.json.ok).toBe(false);
    expect(response.json.problems).toEqual([expect.objectContaining({ nodeId: "files", path: "nodes[1].config.tools[0]", message: expect.stringContaining('MCP server "db" failed to start') })]);
    expect(response.json.problems[0].message).toContain("broken-server: cannot open database /nope/db.sqlite");
  });
});
