import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RecordedCallsResponse, RecordedModelCall, RecordedToolCall } from "../../../shared/recorded-calls";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { TEST_KEY } from "../engine/providers/provider-graph";
import { http, makeWorkspace, parseSse, startServerProcess, type ServerProcess } from "./server-process";

/** A chain of two model nodes on the fake OpenAI server, and the seed's agent on it (with its tools). */
function chainDoc(baseUrl: string, secondPrompt: string) {
  const llm = (id: string, systemPrompt: string) => ({ id, kind: "llm", position: { x: 0, y: 0 }, config: { provider: "openai", model: "gpt-4o-mini", baseUrl, systemPrompt } });
  return {
    version: 1,
    name: "chain",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [llm("first", "You are the first."), llm("second", secondPrompt)],
    edges: [
      { id: "first-second", source: "first", target: "second" },
      { id: "second-end", source: "second", target: "__end__" },
    ],
    entry: "first",
  };
}

describe("recorded calls and replay from a checkpoint", () => {
  let fake: FakeProviders;
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  let request: ReturnType<typeof http>;
  const saved = { key: process.env.OPENAI_API_KEY, settings: process.env.SWITCHYARD_SETTINGS };

  beforeAll(async () => {
    fake = await startFakeProviders({ apiKey: TEST_KEY });
    workspace = makeWorkspace();
    writeFileSync(join(workspace.dir, "chain.graph.json"), JSON.stringify(chainDoc(fake.openAiBaseUrl, "You are the second.")));
    const seed = JSON.parse(readFileSync(join(workspace.dir, "agent.graph.json"), "utf8"));
    for (const node of seed.nodes) if (node.kind === "llm") node.config = { ...node.config, provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl, replies: [] };
    writeFileSync(join(workspace.dir, "agent.graph.json"), JSON.stringify(seed));
    process.env.OPENAI_API_KEY = TEST_KEY;
    process.env.SWITCHYARD_SETTINGS = join(workspace.dir, "no-settings.json");
    server = await startServerProcess(workspace.dir);
    request = http(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    workspace?.remove();
    restore("OPENAI_API_KEY", saved.key);
    restore("SWITCHYARD_SETTINGS", saved.settings);
  });

  async function newThread(): Promise<string> {
    return ((await request("POST", "/threads", {})).json as { thread_id: string }).thread_id;
  }

  async function stream(threadId: string, body: Record<string, unknown>) {
    const response = await request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "chain", stream_mode: ["updates", "messages-tuple"], ...body });
    expect(response.status).toBe(200);
    return parseSse(response.text);
  }

  async function callsOf(threadId: string, query = ""): Promise<RecordedCallsResponse> {
    const response = await request("GET", `/switchyard/threads/${threadId}/calls${query}`);
    expect(response.status).toBe(200);
    return response.json as RecordedCallsResponse;
  }

  it("records each model call: the request as sent, the streamed tokens, usage and latency, without the key", async () => {
    const threadId = await newThread();
    const before = fake.requests.length;
    await stream(threadId, { input: { messages: [{ role: "human", content: "hello there" }] } });
    expect(fake.requests.length - before).toBe(2);

    const { calls, limit_bytes } = await callsOf(threadId);
    expect(limit_bytes).toBe(50 * 1024 * 1024);
    const models = calls as RecordedModelCall[];
    expect(models.map((call) => [call.kind, call.node, call.replayed])).toEqual([["model", "first", false], ["model", "second", false]]);
    expect(models[0]!.request).toMatchObject({ provider: "openai", model: "gpt-4o-mini", messages: [{ role: "system", content: "You are the first." }, { role: "human", content: "hello there" }] });
    expect(models[0]!.response!.message.content).toBe("You said: hello there");
    expect(models[0]!.response!.tokens.join("")).toBe("You said: hello there");
    expect(models[0]!.response!.tokens.length).toBeGreaterThan(1);
    expect(models[0]!.usage).toEqual({ input_tokens: 12, output_tokens: 8, total_tokens: 20 });
    expect(models[0]).toMatchObject({ thread_id: threadId, step: expect.any(Number), latency_ms: expect.any(Number) });
    expect((await callsOf(threadId, "?node=second")).calls.map((call) => call.node)).toEqual(["second"]);

    const files = readdirSync(join(workspace.dir, ".switchyard", "calls"));
    const onDisk = files.map((file) => readFileSync(join(workspace.dir, ".switchyard", "calls", file), "utf8")).join("");
    expect(onDisk).toContain("You are the first.");
    expect(onDisk).not.toContain(TEST_KEY);
  });

  it("records tool calls with their node, args and result", async () => {
    const threadId = await newThread();
    const run = await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "weather?" }] } });
    expect(run.status).toBe(200);
    await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", command: { resume: "san francisco" } });
    const state = (await request("GET", `/threads/${threadId}/state`)).json as { next: string[] };
    // The seed pauses before ask_human: answer it as the node, then go on.
    if (state.next.includes("ask_human")) {
      const messages = ((await request("GET", `/threads/${threadId}/state`)).json as { values: { messages: Array<{ tool_calls?: Array<{ id: string }> }> } }).values.messages;
      const callId = messages.at(-1)!.tool_calls![0]!.id;
      await request("POST", `/threads/${threadId}/state`, { values: { messages: [{ type: "tool", content: "san francisco", tool_call_id: callId }] }, as_node: "ask_human" });
      await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
    }
    const tools = (await callsOf(threadId)).calls.filter((call): call is RecordedToolCall => call.kind === "tool");
    expect(tools).toEqual([expect.objectContaining({ node: "action", tool: "search", args: { query: "current weather in san francisco" }, result: expect.stringContaining("sunny") })]);
  });

  it("re-runs from a checkpoint replaying: no provider request until the edited node, which runs live", async () => {
    const threadId = await newThread();
    await stream(threadId, { input: { messages: [{ role: "human", content: "replay me" }] } });
    const history = (await request("POST", `/threads/${threadId}/history`, { limit: 10 })).json as Array<{ checkpoint: { checkpoint_id: string }; next: string[] }>;
    const beforeFirst = history.find((checkpoint) => checkpoint.next.includes("first"))!.checkpoint.checkpoint_id;

    const unchanged = fake.requests.length;
    const replayed = await stream(threadId, { input: null, checkpoint_id: beforeFirst, replay: true, stream_mode: ["updates", "custom"] });
    expect(replayed.filter((event) => event.event === "custom").map((event) => event.data)).toEqual([
      { switchyard: "replayed", node: "first", call_id: expect.any(String) },
      { switchyard: "replayed", node: "second", call_id: expect.any(String) },
    ]);
    expect(fake.requests.length).toBe(unchanged);
    expect(replayed.filter((event) => event.event === "error")).toEqual([]);
    expect(replayed.filter((event) => event.event === "updates").flatMap((event) => Object.keys(event.data as object))).toEqual(["first", "second"]);

    writeFileSync(join(workspace.dir, "chain.graph.json"), JSON.stringify(chainDoc(fake.openAiBaseUrl, "You are the EDITED second.")));
    const beforeEdit = fake.requests.length;
    const edited = await stream(threadId, { input: null, checkpoint_id: beforeFirst, replay: true, stream_mode: ["updates", "custom"] });
    expect(fake.requests.length - beforeEdit).toBe(1);
    // The canvas is told which node was served from the recording and where the run went live.
    expect(edited.filter((event) => event.event === "custom").map((event) => event.data)).toEqual([
      { switchyard: "replayed", node: "first", call_id: expect.any(String) },
      { switchyard: "live", node: "second", call_id: expect.any(String) },
    ]);
    expect(fake.requests.at(-1)!.body.messages[0]).toEqual({ role: "system", content: "You are the EDITED second." });

    const lastRun = (await callsOf(threadId)).calls.slice(-2) as RecordedModelCall[];
    expect(lastRun.map((call) => [call.node, call.replayed])).toEqual([["first", true], ["second", false]]);

    const live = fake.requests.length;
    await stream(threadId, { input: null, checkpoint_id: beforeFirst, replay: false });
    expect(fake.requests.length - live).toBe(2);
  });

  it("a pinned node returns its pinned output in every run without a provider request, until unpinned", async () => {
    const pinned = { messages: [{ type: "ai", content: "pinned answer" }] };
    expect((await request("PUT", "/switchyard/graphs/chain/pins/nowhere", { update: pinned })).status).toBe(404);
    expect((await request("PUT", "/switchyard/graphs/chain/pins/first", { update: "x" })).status).toBe(400);
    expect((await request("PUT", "/switchyard/graphs/chain/pins/first", { update: pinned })).status).toBe(200);
    expect((await request("GET", "/switchyard/graphs/chain/pins")).json).toMatchObject({ pins: { first: { update: pinned } } });
    expect(readFileSync(join(workspace.dir, "chain.graph.json"), "utf8")).not.toContain("pinned answer");

    for (let run = 0; run < 2; run++) {
      const threadId = await newThread();
      const before = fake.requests.length;
      const events = await stream(threadId, { input: { messages: [{ role: "human", content: "pin test" }] }, stream_mode: ["updates", "custom"] });
      expect(fake.requests.length - before).toBe(1);
      expect(events.filter((event) => event.event === "custom").map((event) => event.data)).toEqual([{ switchyard: "pinned", node: "first" }]);
      expect(fake.requests.at(-1)!.body.messages.map((message: { content: string }) => message.content)).toContain("pinned answer");
    }

    // Pinned to what it wrote at a checkpoint: the update its task returned in that step.
    const recordedThread = await newThread();
    expect((await request("DELETE", "/switchyard/graphs/chain/pins/first")).status).toBe(200);
    await stream(recordedThread, { input: { messages: [{ role: "human", content: "record me" }] } });
    const states = (await request("POST", `/threads/${recordedThread}/history`, { limit: 10 })).json as Array<{ checkpoint: { checkpoint_id: string }; next: string[] }>;
    const afterFirst = states.find((state) => state.next.includes("second"))!.checkpoint.checkpoint_id;
    const fromCheckpoint = await request("PUT", "/switchyard/graphs/chain/pins/first", { from: { thread_id: recordedThread, checkpoint_id: afterFirst } });
    expect(fromCheckpoint.status).toBe(200);
    expect(fromCheckpoint.json).toMatchObject({ pin: { from: { checkpoint_id: afterFirst }, update: { messages: [expect.objectContaining({ type: "ai", content: "You said: record me" })] } } });
    const beforeFirst = states.find((state) => state.next.includes("first"))!.checkpoint.checkpoint_id;
    expect((await request("PUT", "/switchyard/graphs/chain/pins/second", { from: { thread_id: recordedThread, checkpoint_id: beforeFirst } })).status).toBe(400);

    expect((await request("DELETE", "/switchyard/graphs/chain/pins/first")).status).toBe(200);
    const threadId = await newThread();
    const before = fake.requests.length;
    await stream(threadId, { input: { messages: [{ role: "human", content: "unpinned" }] } });
    expect(fake.requests.length - before).toBe(2);
    expect((await request("DELETE", "/switchyard/graphs/chain/pins/first")).status).toBe(404);
  });

  it("runs one node alone on a checkpoint's state, answering its update and calls, and leaves the thread's history unchanged", async () => {
    const threadId = await newThread();
    await stream(threadId, { input: { messages: [{ role: "human", content: "one node" }] } });
    const history = async () => (await request("POST", `/threads/${threadId}/history`, { limit: 50 })).json as Array<{ checkpoint: { checkpoint_id: string }; next: string[] }>;
    const before = await history();
    const afterFirst = before.find((checkpoint) => checkpoint.next.includes("second"))!.checkpoint.checkpoint_id;
    const requests = fake.requests.length;
    const response = await request("POST", `/switchyard/threads/${threadId}/run-node`, { node: "second", checkpoint_id: afterFirst });
    expect(response.status).toBe(200);
    const body = response.json as { update: { messages: Array<{ kwargs?: { content: string }; content?: string }> }; calls: RecordedModelCall[] };
    expect(fake.requests.length - requests).toBe(1);
    expect(JSON.stringify(body.update)).toContain("You said: You said: one node");
    expect(body.calls.map((call) => [call.kind, call.node])).toEqual([["model", "second"]]);
    expect(await history()).toEqual(before);

    const typed = await request("POST", `/switchyard/threads/${threadId}/run-node`, { node: "first", values: { messages: [{ role: "human", content: "typed state" }] } });
    expect(JSON.stringify(typed.json)).toContain("You said: typed state");
    expect(await history()).toEqual(before);
    expect((await request("POST", `/switchyard/threads/${threadId}/run-node`, { node: "nowhere" })).status).toBe(400);
  });

  it("keeps the limit as a setting, and refuses a bad one", async () => {
    expect((await request("PUT", "/switchyard/recorded-calls/limit", { limit_mb: 0 })).status).toBe(400);
    const set = await request("PUT", "/switchyard/recorded-calls/limit", { limit_mb: 7 });
    expect((set.json as { limit_bytes: number }).limit_bytes).toBe(7 * 1024 * 1024);
  });
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
