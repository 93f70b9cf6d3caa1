import { validateGraphDoc } from "../../shared/graph-validate";
import { parseMcpConfigText } from "../../shared/mcp-config";
import { toolEnvironmentProblems } from "../../shared/tool-validate";

function docWith(tool: Record<string, unknown>, llm: Record<string, unknown> = {}) {
  return {
    version: 1,
    name: "g",
    entry: "agent",
    state: { fields: { messages: { type: "messages", reducer: "messages" }, route: { type: "string", reducer: "replace" }, count: { type: "number", reducer: "replace" } } },
    nodes: [
      { id: "agent", kind: "llm", config: { provider: "scripted", tools: [String(tool.name)], ...llm } },
      { id: "tools", kind: "tools", config: { tools: [tool] } },
    ],
    edges: [
      { id: "e1", source: "agent", target: "tools", when: { type: "has-tool-calls" } },
      { id: "e2", source: "agent", target: "__end__", when: { type: "otherwise" } },
      { id: "e3", source: "tools", target: "agent" },
    ],
  };
}

const messages = (value: unknown) => {
  const result = validateGraphDoc(value);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

describe("validating http tools, mcp tools and output fields", () => {
  it("accepts the issue's http tool shape", () => {
    const tool = { kind: "http", name: "weather", description: "d", args: [{ name: "city", type: "string" }], method: "GET", url: "http://127.0.0.1:8080/weather?q={{args.city}}", headers: { Authorization: "Bearer {{secrets.WEATHER_KEY}}" }, resultPath: "current.summary", timeoutMs: 10000 };
    expect(messages(docWith(tool))).toEqual([]);
  });

  it("reports a bad URL template, an unknown argument, a model-chosen host and a body on GET", () => {
    expect(messages(docWith({ kind: "http", name: "w", url: "not a url {{args.city}}", args: [{ name: "city" }] }))).toEqual([
      'nodes[1].config.tools[0].url: http tool "w": the url "not a url {{args.city}}" is not a valid URL template (it should look like https://host/path?q={{args.city}})',
    ]);
    expect(messages(docWith({ kind: "http", name: "w", url: "https://api.example.com/?q={{args.town}}&k={{env.X}}" }))).toEqual([
      'nodes[1].config.tools[0].url: http tool "w": {{args.town}} names no argument of this tool (declare "town" under args)',
      'nodes[1].config.tools[0].url: http tool "w": {{env.X}} is not {{args.NAME}} or {{secrets.NAME}}',
    ]);
    expect(messages(docWith({ kind: "http", name: "w", url: "https://{{args.host}}/x", args: [{ name: "host" }] }))).toEqual([
      `nodes[1].config.tools[0].url: http tool "w": an argument cannot choose the url's host: write the host out, put arguments in the path or query`,
    ]);
    expect(messages(docWith({ kind: "http", name: "w", url: "ftp://example.com/x" }))).toEqual(['nodes[1].config.tools[0].url: http tool "w": the url must start with http:// or https:// (not ftp:)']);
    expect(messages(docWith({ kind: "http", name: "w", url: "https://example.com", body: "{}" }))).toEqual(['nodes[1].config.tools[0].body: http tool "w" has a body but its method is GET: choose POST, PUT or PATCH']);
    expect(messages(docWith({ kind: "http", name: "w", url: "https://example.com", headers: { Authorization: "Bearer abcdef0123456789" } }))).toEqual([
      'nodes[1].config.tools[0].headers.Authorization: http tool "w": header Authorization holds a credential itself; write {{secrets.NAME}} and set NAME in the environment or Settings, so the key stays out of the graph file',
    ]);
    expect(messages(docWith({ kind: "http", name: "w" }))).toEqual(["nodes[1].config.tools[0].url: an http tool needs a url such as https://api.example.com/weather?q={{args.city}}"]);
  });

  it("reports unknown MCP servers and secrets that are not set, on the node", () => {
    const result = validateGraphDoc(docWith({ kind: "mcp", name: "read", server: "files", tool: "read_file" }));
    expect(result.ok).toBe(true);
    const doc = result.doc!;
    expect(toolEnvironmentProblems(doc, { mcpServers: ["remote"], hasSecret: () => true })).toEqual([
      { path: "nodes[1].config.tools[0].server", message: 'mcp tool "read": no MCP server "files" in mcp.json (it declares: remote)', nodeId: "tools" },
    ]);
    const http = validateGraphDoc(docWith({ kind: "http", name: "w", url: "https://example.com/?k={{secrets.API_KEY}}", headers: { "X-Other": "{{secrets.OTHER}}" } })).doc!;
    expect(toolEnvironmentProblems(http, { mcpServers: [], hasSecret: (name) => name === "OTHER" }).map((problem) => problem.message)).toEqual([
      'http tool "w" uses secret "API_KEY", which is not set: set the environment variable API_KEY or add it under Settings > Secrets',
    ]);
  });

  it("checks output fields against the state and against tool binding", () => {
    const tool = { kind: "mock", name: "m", result: "x" };
    expect(messages(docWith(tool, { outputFields: [{ name: "route", type: "string", enum: ["a", "b"] }] }))).toEqual(['nodes[0].config.tools: llm node "agent" answers in structured output, so it cannot also call tools']);
    expect(messages(docWith(tool, { tools: [], outputFields: [{ name: "nope" }, { name: "count", type: "string" }] }))).toEqual([
      'nodes[0].config.outputFields[0].name: no state field "nope" to write the answer to',
      'nodes[0].config.outputFields[1].name: output field "count" is a string but state field "count" is a number',
    ]);
    expect(messages(docWith(tool, { tools: [], outputFields: [{ name: "count", type: "number", enum: ["1"] }] }))).toEqual(["nodes[0].config.outputFields[0].enum: only a string field can have an enum"]);
  });

  it("parses mcp.json in the shape other MCP clients use, naming what is wrong", () => {
    const parsed = parseMcpConfigText(JSON.stringify({ mcpServers: { files: { command: "node", args: ["./tools/files-server.mjs"], env: { ROOT: "." } }, remote: { url: "http://127.0.0.1:9000/mcp", headers: { Authorization: "Bearer {{secrets.REMOTE_KEY}}" } } } }));
    expect(parsed.ok).toBe(true);
    const bad = parseMcpConfigText(JSON.stringify({ mcpServers: { x: { cmd: "node" } } }));
    expect(bad).toEqual({ ok: false, problems: [{ path: "mcp.json:mcpServers.x", message: "a server is {command, args, env} (stdio) or {url, headers} (streamable HTTP)" }] });
    expect(parseMcpConfigText("{").ok).toBe(false);
  });
});
