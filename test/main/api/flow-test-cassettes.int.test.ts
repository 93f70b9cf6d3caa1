import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../../main/api/server";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { SEED_QUESTION, tempWorkspace } from "../../helpers/seed";
import { TEST_KEY } from "../engine/providers/provider-graph";

// What the Tests panel's Record / Re-record missing and its cassette marks use: the CLI's runner behind the server's routes.
describe("/switchyard/tests cassettes", () => {
  let server: RunningServer;
  let workspace: ReturnType<typeof tempWorkspace>;
  const saved = { key: process.env.OPENAI_API_KEY, settings: process.env.SWITCHYARD_SETTINGS };
  const name = "real Paris";

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, json: text.startsWith("{") ? JSON.parse(text) : undefined, text };
  }
  function pointAgentAt(fake: FakeProviders, systemPrompt?: string) {
    const file = join(workspace.dir, "agent.graph.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const agent = doc.nodes.find((node: { id: string }) => node.id === "agent");
    agent.config = { ...agent.config, provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl, replies: [], ...(systemPrompt ? { systemPrompt } : {}) };
    writeFileSync(file, JSON.stringify(doc, undefined, 2));
  }
  const statusOf = async () => (await call("GET", "/switchyard/tests/agent")).json.cassettes as Record<string, { status: string; reason?: string }>;

  beforeAll(async () => {
    workspace = tempWorkspace();
    process.env.SWITCHYARD_SETTINGS = join(workspace.dir, "no-settings.json");
    const tests = { version: 1, tests: [{ name, provider: "real", input: SEED_QUESTION, answers: ["Paris"], checks: [{ type: "ends" }] }, { name: "scripted", input: "hi", answers: [], checks: [] }] };
    writeFileSync(join(workspace.dir, "agent.tests.json"), JSON.stringify(tests, undefined, 2));
    server = await startServer({ workspaceDir: workspace.dir, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    workspace?.cleanup();
    for (const [key, value] of [["OPENAI_API_KEY", saved.key], ["SWITCHYARD_SETTINGS", saved.settings]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("says missing / recorded / stale, records through the route, replays offline, and re-records what is missing", async () => {
    const fake = await startFakeProviders({ apiKey: TEST_KEY });
    pointAgentAt(fake);
    expect(await statusOf()).toEqual({ [name]: { status: "missing" } });

    process.env.OPENAI_API_KEY = TEST_KEY;
    const recorded = await call("POST", "/switchyard/tests/agent/run", { names: [name], cassettes: "record" });
    expect(recorded.json.results[0]).toMatchObject({ name, status: "passed" });
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    await fake.close();
    expect(await statusOf()).toEqual({ [name]: { status: "recorded" } });

    // No provider and no key: the run replays the cassette.
    process.env.OPENAI_API_KEY = "";
    const replayed = await call("POST", "/switchyard/tests/agent/run", { names: [name] });
    expect(replayed.json.results[0]).toMatchObject({ status: "passed" });

    pointAgentAt(fake, "You are a CHANGED assistant.");
    expect(await statusOf()).toEqual({ [name]: { status: "stale", reason: "the graph changed since the cassette was recorded" } });
    const changed = await call("POST", "/switchyard/tests/agent/run", { names: [name] });
    expect(changed.json.results[0].status).toBe("error");
    expect(changed.json.results[0].message).toContain("node agent: its model request is not in the cassette");

    const again = await startFakeProviders({ apiKey: TEST_KEY });
    try {
      pointAgentAt(again, "You are a CHANGED assistant.");
      process.env.OPENAI_API_KEY = TEST_KEY;
      const missing = await call("POST", "/switchyard/tests/agent/run", { names: [name], cassettes: "record-missing" });
      expect(missing.json.results[0]).toMatchObject({ status: "passed" });
    } finally {
      await again.close();
    }
    expect(await statusOf()).toEqual({ [name]: { status: "recorded" } });
  });

  it("refuses an unknown cassette mode, naming the field", async () => {
    const bad = await call("POST", "/switchyard/tests/agent/run", { cassettes: "rewind" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("cassettes");
  });
});
