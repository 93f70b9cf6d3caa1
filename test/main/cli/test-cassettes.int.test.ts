import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { repoRoot, SEED_QUESTION, tempWorkspace } from "../../helpers/seed";
import { TEST_KEY } from "../engine/providers/provider-graph";

/** A weather API on 127.0.0.1: {summary: "It is cloudy in <q>"}; remembers each q it was asked. */
async function startWeatherServer(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const q = new URL(request.url ?? "/", "http://localhost").searchParams.get("q") ?? "";
    hits.push(q);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ summary: `It is cloudy in ${q}` }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function switchyardTest(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/switchyard.js"), "test", ...args], { cwd: repoRoot, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Recorded flow tests: record once against a (fake) real provider, then replay offline, with no key. */
describe("switchyard test --record / replay / --record-missing", () => {
  const made = tempWorkspace();
  const dir = made.dir;
  const graphFile = join(dir, "agent.graph.json");
  const cassette = join(dir, "agent.cassettes", "real-San-Francisco.json");
  const noKey = { ...process.env, OPENAI_API_KEY: "", SWITCHYARD_SETTINGS: join(dir, "no-settings.json") };
  const withKey = { ...noKey, OPENAI_API_KEY: TEST_KEY };
  afterAll(() => made.cleanup());

  function pointAgentAt(fake: FakeProviders, systemPrompt?: string) {
    const doc = JSON.parse(readFileSync(graphFile, "utf8"));
    const agent = doc.nodes.find((node: { id: string }) => node.id === "agent");
    agent.config = { ...agent.config, provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl, replies: [], ...(systemPrompt ? { systemPrompt } : {}) };
    writeFileSync(graphFile, JSON.stringify(doc, undefined, 2));
  }

  it("records, replays with the provider stopped, fails naming the node on a changed prompt, and --record-missing fixes it", async () => {
    const tests = { version: 1, tests: [{ name: "real San Francisco", provider: "real", input: SEED_QUESTION, answers: ["san francisco"], checks: [{ type: "final-message-contains", text: "sunny" }, { type: "ends" }] }] };
    writeFileSync(join(dir, "agent.tests.json"), JSON.stringify(tests, undefined, 2));
    const fake = await startFakeProviders({ apiKey: TEST_KEY });
    pointAgentAt(fake);
    const recorded = await switchyardTest(["--workspace", dir, "--record", "--reporter", "json"], withKey);
    expect(recorded.stderr).toBe("");
    expect(recorded.code).toBe(0);
    const requestsWhileRecording = fake.requests.length;
    expect(requestsWhileRecording).toBeGreaterThanOrEqual(3);
    await fake.close();

    const text = readFileSync(cassette, "utf8");
    expect(text).not.toContain(TEST_KEY);
    const file = JSON.parse(text) as { calls: Array<{ node: string; request: { messages: unknown[] }; response: { tokens: string[]; message: unknown } }> };
    expect(file.calls.length).toBe(requestsWhileRecording);
    expect(file.calls.every((call) => call.node === "agent" && Array.isArray(call.response.tokens))).toBe(true);

    const replayed = await switchyardTest(["--workspace", dir, "--reporter", "json"], noKey);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout).reports[0].results[0]).toMatchObject({ status: "passed" });

    pointAgentAt(fake, "You are a CHANGED assistant.");
    const changed = await switchyardTest(["--workspace", dir, "--reporter", "json"], noKey);
    expect(changed.code).toBe(1);
    const message = JSON.parse(changed.stdout).reports[0].results[0].message as string;
    expect(message).toContain("node agent: its model request is not in the cassette");
    expect(message).toMatch(/messages\[0\]\.content: recorded "[^"]*", now "You are a CHANGED assistant."/);
    expect(message).toContain("--record-missing");

    const again = await startFakeProviders({ apiKey: TEST_KEY });
    try {
      pointAgentAt(again, "You are a CHANGED assistant.");
      const missing = await switchyardTest(["--workspace", dir, "--record-missing"], withKey);
      expect(missing.code).toBe(0);
      expect(again.requests.length).toBeGreaterThanOrEqual(3);
    } finally {
      await again.close();
    }
    const fixed = await switchyardTest(["--workspace", dir, "--reporter", "json"], noKey);
    expect(fixed.code).toBe(0);
  });

  it("puts an http tool's calls on the cassette too: replayed with both the provider and the tool's server stopped", async () => {
    const weather = await startWeatherServer();
    const fake = await startFakeProviders({ apiKey: TEST_KEY });
    pointAgentAt(fake);
    const doc = JSON.parse(readFileSync(graphFile, "utf8"));
    const action = doc.nodes.find((node: { id: string }) => node.id === "action");
    action.config.tools[0] = { ...action.config.tools[0], kind: "http", result: undefined, method: "GET", url: `${weather.url}/weather?q={{args.query}}`, resultPath: "summary" };
    writeFileSync(graphFile, JSON.stringify(doc, undefined, 2));
    const tests = { version: 1, tests: [{ name: "http weather", provider: "real", input: SEED_QUESTION, answers: ["Paris"], checks: [{ type: "final-message-contains", text: "cloudy in current weather in Paris" }, { type: "ends" }] }] };
    writeFileSync(join(dir, "agent.tests.json"), JSON.stringify(tests, undefined, 2));
    try {
      const recorded = await switchyardTest(["--workspace", dir, "--record", "--reporter", "json"], withKey);
      expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
      expect(weather.hits).toEqual(["current weather in Paris"]);
    } finally {
      await fake.close();
      await weather.close();
    }
    const file = JSON.parse(readFileSync(join(dir, "agent.cassettes", "http-weather.json"), "utf8"));
    expect(file.toolCalls).toEqual([{ node: "action", tool: "search", args: { query: "current weather in Paris" }, result: "It is cloudy in current weather in Paris" }]);
    expect(file.recordedFor).toEqual({ graph: expect.stringMatching(/^[0-9a-f]{16}$/), test: expect.stringMatching(/^[0-9a-f]{16}$/) });

    // Nothing listens any more: the tool's answer (and so the model's next request) must come from the cassette.
    const replayed = await switchyardTest(["--workspace", dir, "--reporter", "json"], noKey);
    expect(replayed.code, replayed.stdout).toBe(0);
    expect(JSON.parse(replayed.stdout).reports[0].results[0]).toMatchObject({ status: "passed" });

    // A tool call the cassette does not hold fails naming the node, the tool and how its arguments differ.
    file.toolCalls[0].args.query = "current weather in Rome";
    writeFileSync(join(dir, "agent.cassettes", "http-weather.json"), JSON.stringify(file, undefined, 2));
    const missing = await switchyardTest(["--workspace", dir, "--reporter", "json"], noKey);
    expect(missing.code).toBe(1);
    const message = JSON.parse(missing.stdout).reports[0].results[0].message as string;
    expect(message).toContain("node action: its call of the tool search is not in the cassette");
    expect(message).toContain('args.query: recorded "current weather in Rome", now "current weather in Paris"');
  });

  it("refuses --record with --record-missing", async () => {
    const result = await switchyardTest(["--workspace", dir, "--record", "--record-missing"], noKey);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--record and --record-missing cannot be used together");
  });
});
