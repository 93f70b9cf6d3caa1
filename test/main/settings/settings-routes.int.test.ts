import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { http, makeWorkspace, parseSse, startServerProcess, type ServerProcess } from "../api/server-process";
import { loadSeedDoc } from "../../helpers/seed";

const KEY = "sk-route-test-key-0123456789abcdef";

describe("the settings routes of a running server", () => {
  let home: string;
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  let call: ReturnType<typeof http>;
  const saved = { home: process.env.SWITCHYARD_HOME, openai: process.env.OPENAI_API_KEY, anthropic: process.env.ANTHROPIC_API_KEY };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "switchyard-home-"));
    process.env.SWITCHYARD_HOME = home;
    delete process.env.OPENAI_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    workspace = makeWorkspace();
    server = await startServerProcess(workspace.dir);
    call = http(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
    rmSync(home, { recursive: true, force: true });
    for (const [name, value] of [["SWITCHYARD_HOME", saved.home], ["OPENAI_API_KEY", saved.openai], ["ANTHROPIC_API_KEY", saved.anthropic]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("stores tool secrets by name and shows only their names", async () => {
    const secret = "tool-secret-value-8d2f6a";
    const put = await call("PUT", "/switchyard/settings", { secrets: { WEATHER_KEY: secret } });
    expect(put.status).toBe(200);
    expect(put.json.secrets).toEqual(["WEATHER_KEY"]);
    expect(put.text).not.toContain(secret);
    expect(JSON.parse(readFileSync(join(home, "settings.json"), "utf8")).secrets).toEqual({ WEATHER_KEY: secret });
    const removed = await call("PUT", "/switchyard/settings", { secrets: { WEATHER_KEY: null } });
    expect(removed.json.secrets).toEqual([]);
    expect((await call("PUT", "/switchyard/settings", { secrets: { "bad name": "x" } })).status).toBe(400);
  });

  it("says which providers are configured, and stores keys in a 0600 file outside the workspace", async () => {
    const before = await call("GET", "/switchyard/settings");
    expect(before.status).toBe(200);
    expect(before.json).toEqual({
      path: join(home, "settings.json"),
      providers: {
        openai: { configured: false, needsKey: true, envVar: "OPENAI_API_KEY" },
        anthropic: { configured: false, needsKey: true, envVar: "ANTHROPIC_API_KEY" },
        ollama: { configured: true, needsKey: false },
      },
      secrets: [],
    });

    const put = await call("PUT", "/switchyard/settings", { keys: { openai: KEY }, baseUrls: { ollama: "http://127.0.0.1:11434" } });
    expect(put.status).toBe(200);
    expect(put.json.providers.openai).toEqual({ configured: true, source: "settings", needsKey: true, envVar: "OPENAI_API_KEY" });
    expect(put.json.providers.ollama.baseUrl).toBe("http://127.0.0.1:11434");
    expect(put.text).not.toContain(KEY);
    expect((await call("GET", "/switchyard/settings")).text).not.toContain(KEY);

    const file = join(home, "settings.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).keys.openai).toBe(KEY);
    expect(server.output()).not.toContain(KEY);

    const removed = await call("PUT", "/switchyard/settings", { keys: { openai: null } });
    expect(removed.json.providers.openai.configured).toBe(false);
  });

  it("rejects a bad change, naming the field but never echoing the value", async () => {
    const spaced = await call("PUT", "/switchyard/settings", { keys: { openai: "sk-has a-space-secret" } });
    expect(spaced.status).toBe(400);
    expect(spaced.json.detail).toMatch(/^keys\.openai: /);
    expect(spaced.text).not.toContain("a-space-secret");
    const unknown = await call("PUT", "/switchyard/settings", { keys: { mistral: "x" } });
    expect(unknown.status).toBe(400);
    const badUrl = await call("PUT", "/switchyard/settings", { baseUrls: { openai: "file:///etc/passwd" } });
    expect(badUrl.status).toBe(400);
  });

  it("runs the preflight: a missing key and code that does not compile are problems on their nodes", async () => {
    const saved = await call("POST", "/switchyard/preflight", { graph_id: "agent" });
    expect(saved.json).toEqual({ ok: true, problems: [] });

    const doc = loadSeedDoc() as any;
    const agentIndex = doc.nodes.findIndex((node: { id: string }) => node.id === "agent");
    doc.nodes[agentIndex].config = { ...doc.nodes[agentIndex].config, provider: "anthropic", model: "claude-sonnet-4-5", replies: [] };
    doc.nodes.push({ id: "tidy", kind: "code", position: { x: 0, y: 0 }, config: { source: "(state) => {", timeoutMs: 1000, memoryMb: 64 } });
    doc.edges.push({ id: "tidy-end", source: "tidy", target: "__end__" }, { id: "agent-tidy", source: "action", target: "tidy" });
    const result = await call("POST", "/switchyard/preflight", { doc });
    expect(result.status).toBe(200);
    expect(result.json.ok).toBe(false);
    expect(result.json.problems).toEqual([
      { path: `nodes[${agentIndex}].config.provider`, nodeId: "agent", message: 'llm node "agent" uses anthropic, but no API key is set: set ANTHROPIC_API_KEY or add the key in Settings' },
      { path: `nodes[${doc.nodes.length - 1}].config.source`, nodeId: "tidy", message: expect.stringMatching(/^code node "tidy" does not compile: SyntaxError/) },
    ]);
  });
});

describe("a run on a real provider through the server, with the key from the settings file", () => {
  let home: string;
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  let fake: FakeProviders;
  const savedHome = process.env.SWITCHYARD_HOME;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "switchyard-home-"));
    process.env.SWITCHYARD_HOME = home;
    fake = await startFakeProviders({ apiKey: KEY });
    workspace = makeWorkspace();
    const doc = loadSeedDoc() as any;
    const agent = doc.nodes.find((node: { id: string }) => node.id === "agent");
    agent.config = { ...agent.config, provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl, replies: [] };
    doc.name = "live";
    writeFileSync(join(workspace.dir, "live.graph.json"), JSON.stringify(doc, null, 2));
    server = await startServerProcess(workspace.dir);
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    workspace?.remove();
    rmSync(home, { recursive: true, force: true });
    if (savedHome === undefined) delete process.env.SWITCHYARD_HOME;
    else process.env.SWITCHYARD_HOME = savedHome;
  });

  it("streams the model's tokens as messages frames, and the key stays out of the workspace and the log", async () => {
    const call = http(server.url);
    expect((await call("PUT", "/switchyard/settings", { keys: { openai: KEY } })).status).toBe(200);
    const thread = (await call("POST", "/threads", {})).json.thread_id as string;
    const run = await call("POST", `/threads/${thread}/runs/stream`, {
      assistant_id: "live",
      input: { messages: [{ role: "human", content: "Where is it sunny?" }] },
      stream_mode: ["messages-tuple", "updates"],
    });
    expect(run.status).toBe(200);
    const frames = parseSse(run.text);
    const tokens = frames.filter((frame) => frame.event === "messages").map((frame) => (frame.data as [{ content: string }])[0].content).filter(Boolean);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join("")).toBe("Let me ask where you are.");
    expect(frames.some((frame) => frame.event === "error")).toBe(false);
    expect(fake.requests[0].body.stream).toBe(true);

    for (const file of filesUnder(workspace.dir)) expect(readFileSync(file).includes(KEY)).toBe(false);
    expect(server.output()).not.toContain(KEY);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
