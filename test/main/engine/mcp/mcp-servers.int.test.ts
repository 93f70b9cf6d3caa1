import type { BaseMessage } from "@langchain/core/messages";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemorySaver } from "@langchain/langgraph";
import { checkRunnable, compileGraphDoc } from "../../../../main/engine";
import { toolSpecsFor } from "../../../../main/engine/tool-specs";
import { workspaceTools, type WorkspaceTools } from "../../../../main/engine/tools/workspace-tools";
import { repoRoot } from "../../../helpers/seed";
import { startHttpMcpServer, type HttpMcpServer } from "../../../fixtures/mcp/http-server";
import { toolGraph } from "../tools/tool-graph";

const FILES_SERVER = join(repoRoot, "test/fixtures/mcp/files-server.mjs");
const BROKEN_SERVER = join(repoRoot, "test/fixtures/mcp/broken-server.mjs");
const REMOTE_KEY = "rk-9b1d7e3f55aa42c0";
const API_TOKEN = "tok-3c8e2a1f9d7b6e50";

function writeMcpJson(dir: string, servers: Record<string, unknown>): void {
  writeFileSync(join(dir, "mcp.json"), JSON.stringify({ mcpServers: servers }, null, 2));
}

const filesEntry = { command: process.execPath, args: [FILES_SERVER], env: { ROOT: ".", API_TOKEN: "{{secrets.API_TOKEN}}" } };

async function run(doc: ReturnType<typeof toolGraph>, tools: WorkspaceTools, thread: string) {
  const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver(), tools });
  const final = (await graph.invoke({ messages: [{ role: "human", content: "go" }] }, { configurable: { thread_id: thread } })) as { messages: BaseMessage[] };
  return { toolMessage: String(final.messages.find((message) => message.getType() === "tool")?.content), answer: String(final.messages.at(-1)!.content) };
}

describe("MCP servers of a workspace (stdio and streamable HTTP, written with the MCP SDK)", () => {
  let dir: string;
  let tools: WorkspaceTools;
  let remote: HttpMcpServer;

  beforeAll(async () => (remote = await startHttpMcpServer()));
  afterAll(() => remote.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-mcp-"));
    writeFileSync(join(dir, "notes.txt"), "the deploy key rotates on Fridays");
    const env = { API_TOKEN, REMOTE_KEY };
    tools = workspaceTools(dir, { settings: () => ({ version: 1, keys: {}, baseUrls: {} }), env });
  });
  afterEach(async () => {
    await tools.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists a stdio server's tools and binds the model to their description and schema", async () => {
    writeMcpJson(dir, { files: filesEntry });
    const infos = await tools.mcp.toolInfos("files");
    expect(infos.map((info) => info.name).sort()).toEqual(["add", "crash", "read_file", "token"]);
    const readFile = infos.find((info) => info.name === "read_file")!;
    expect(readFile.description).toBe("Reads a text file of the workspace");
    expect(readFile.inputSchema).toMatchObject({ type: "object", properties: { path: { type: "string", description: "path relative to the root" } }, required: ["path"] });

    const doc = toolGraph({ kind: "mcp", name: "read_notes", server: "files", tool: "read_file" }, { name: "read_notes", args: { path: "notes.txt" } });
    const [spec] = await toolSpecsFor(["read_notes"], doc, tools);
    expect(spec).toMatchObject({ name: "read_notes", description: "Reads a text file of the workspace", schema: { properties: { path: { type: "string" } } } });
  });

  it("runs a tool called by a scripted model, with a secret passed in the server's env", async () => {
    writeMcpJson(dir, { files: filesEntry });
    const read = await run(toolGraph({ kind: "mcp", name: "read_notes", server: "files", tool: "read_file" }, { name: "read_notes", args: { path: "notes.txt" } }), tools, "t1");
    expect(read.toolMessage).toBe("the deploy key rotates on Fridays");
    expect(read.answer).toBe("The tool said: the deploy key rotates on Fridays");
    const token = await run(toolGraph({ kind: "mcp", name: "token", server: "files", tool: "token" }, { name: "token", args: {} }), tools, "t2");
    expect(token.toolMessage).toBe(`token of ${API_TOKEN.length} characters`);
  });

  it("calls a streamable-HTTP server with its secret header", async () => {
    writeMcpJson(dir, { remote: { url: remote.url, headers: { Authorization: "Bearer {{secrets.REMOTE_KEY}}" } } });
    const result = await run(toolGraph({ kind: "mcp", name: "lookup", server: "remote", tool: "lookup" }, { name: "lookup", args: { customer: "c-42" } }), tools, "t3");
    expect(result.toolMessage).toBe("customer c-42 is on the pro plan");
    expect(remote.authorizations.length).toBeGreaterThan(0);
    expect(remote.authorizations.every((header) => header === `Bearer ${REMOTE_KEY}`)).toBe(true);
  });

  it("turns a server that crashes mid-run into a tool message with its stderr, and starts it again on next use", async () => {
    writeMcpJson(dir, { files: filesEntry });
    const crashed = await run(toolGraph({ kind: "mcp", name: "crash", server: "files", tool: "crash" }, { name: "crash", args: {} }), tools, "t4");
    expect(crashed.toolMessage).toContain('MCP server "files" stopped');
    expect(crashed.toolMessage).toContain("files-server: crashing on purpose");
    expect(crashed.answer).toContain("The tool said: MCP server");
    const again = await run(toolGraph({ kind: "mcp", name: "read_notes", server: "files", tool: "read_file" }, { name: "read_notes", args: { path: "notes.txt" } }), tools, "t5");
    expect(again.toolMessage).toBe("the deploy key rotates on Fridays");
  });

  it("reports a server that fails to start as a problem on the node that uses it, with its stderr", async () => {
    writeMcpJson(dir, { db: { command: process.execPath, args: [BROKEN_SERVER] } });
    const doc = toolGraph({ kind: "mcp", name: "query", server: "db", tool: "query" }, { name: "query", args: {} });
    const problems = await checkRunnable(doc, { version: 1, keys: {}, baseUrls: {} }, {}, undefined, tools);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: "tools", path: "nodes[1].config.tools[0]" });
    expect(problems[0].message).toContain('MCP server "db" failed to start');
    expect(problems[0].message).toContain("broken-server: cannot open database /nope/db.sqlite");
  });

  it("gives a tool's own error (bad arguments checked by its schema) as the tool message", async () => {
    writeMcpJson(dir, { files: filesEntry });
    // Scripted arguments are text; the server's schema wants numbers.
    const added = await run(toolGraph({ kind: "mcp", name: "add", server: "files", tool: "add" }, { name: "add", args: { a: "2", b: "3" } }), tools, "t6");
    expect(added.toolMessage).toBe('could not run "add": Received tool input did not match expected schema');
    expect(added.toolMessage).not.toContain("stopped");
  });

  it("names an unknown server and an unknown tool", async () => {
    writeMcpJson(dir, { files: filesEntry });
    const unknownServer = await checkRunnable(toolGraph({ kind: "mcp", name: "x", server: "nope", tool: "x" }, { name: "x", args: {} }), undefined, {}, undefined, tools);
    expect(unknownServer.map((problem) => problem.message)).toEqual(['mcp tool "x": no MCP server "nope" in mcp.json (it declares: files)']);
    const unknownTool = await checkRunnable(toolGraph({ kind: "mcp", name: "x", server: "files", tool: "write_file" }, { name: "x", args: {} }), undefined, {}, undefined, tools);
    expect(unknownTool.map((problem) => problem.message)).toEqual(['mcp tool "x": MCP server "files" has no tool "write_file" (it lists: read_file, add, crash, token)']);
  });

  it("restarts a server whose mcp.json entry changed, keeping one client per server", async () => {
    writeMcpJson(dir, { files: filesEntry });
    // Callers at the same time share one start.
    const [first, same] = await Promise.all([tools.mcp.tool("files", "read_file"), tools.mcp.tool("files", "read_file")]);
    expect(same).toBe(first);
    expect(await tools.mcp.tool("files", "read_file")).toBe(first);
    writeMcpJson(dir, { files: { ...filesEntry, env: { ROOT: "sub" } } });
    rmSync(join(dir, "notes.txt"));
    const second = await tools.mcp.tool("files", "read_file");
    expect(second).not.toBe(first);
    writeMcpJson(dir, { remote: { url: remote.url, headers: { Authorization: "Bearer {{secrets.REMOTE_KEY}}" } } });
    await tools.mcp.reload();
    await expect(tools.mcp.tool("files", "read_file")).rejects.toThrow('no MCP server "files" in mcp.json (it declares: remote)');
  });
});
