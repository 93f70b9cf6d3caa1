import { startServer, type RunningServer } from "../../../main/api/server";
import { SEED_QUESTION, tempWorkspace } from "../../helpers/seed";

// The routes the Tests panel uses, on a real server (in this process) over a copy of the seed workspace.
describe("/switchyard/tests routes", () => {
  let server: RunningServer;
  let workspace: ReturnType<typeof tempWorkspace>;

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("application/json");
    return { status: response.status, json: isJson && text ? JSON.parse(text) : undefined, text };
  }

  beforeAll(async () => {
    workspace = tempWorkspace();
    server = await startServer({ workspaceDir: workspace.dir, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    workspace?.cleanup();
  });

  it("reads the seed's tests file, and an empty one for a graph without tests", async () => {
    const seed = await call("GET", "/switchyard/tests/agent");
    expect(seed.status).toBe(200);
    expect(seed.json).toMatchObject({ graph: "agent", file: "agent.tests.json", exists: true, hash: expect.any(String), problems: [], last_results: {} });
    expect(seed.json.doc.tests.map((test: { name: string }) => test.name)).toEqual(["San Francisco: asks where you are, then reports the weather", "Paris: looks up the city the user names"]);
    expect((await call("GET", "/switchyard/tests/nope")).status).toBe(404);
    await call("POST", "/switchyard/graphs", { name: "blank" });
    expect((await call("GET", "/switchyard/tests/blank")).json).toMatchObject({ exists: false, doc: { version: 1, tests: [] }, hash: null, text: "" });
  });

  it("runs all tests or the named ones, each as a thread the debugger can open", async () => {
    const all = await call("POST", "/switchyard/tests/agent/run", {});
    expect(all.status).toBe(200);
    expect(all.json.summary).toEqual({ total: 2, passed: 2, failed: 0, errors: 0, skipped: 0 });
    const one = await call("POST", "/switchyard/tests/agent/run", { names: ["Paris: looks up the city the user names"] });
    expect(one.json.results.map((result: { name: string }) => result.name)).toEqual(["Paris: looks up the city the user names"]);
    const { thread_id, checkpoint_id } = one.json.results[0];
    const thread = await call("GET", `/threads/${thread_id}`);
    expect(thread.json).toMatchObject({ status: "idle", metadata: { graph_id: "agent" } });
    const state = await call("GET", `/threads/${thread_id}/state/${checkpoint_id}`);
    expect(state.status).toBe(200);
    expect(state.json.checkpoint.checkpoint_id).toBe(checkpoint_id);
    const reread = await call("GET", "/switchyard/tests/agent");
    expect(Object.keys(reread.json.last_results)).toEqual(["San Francisco: asks where you are, then reports the weather", "Paris: looks up the city the user names"]);
    expect(reread.json.last_results["Paris: looks up the city the user names"]).toMatchObject({ status: "passed", thread_id });
    const unknown = await call("POST", "/switchyard/tests/agent/run", { names: ["nope"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toContain('no test named "nope"');
  });

  it("records a test from a finished thread, saves it, and runs it green, then red", async () => {
    const { json: thread } = await call("POST", "/threads", {});
    const id = thread.thread_id;
    await call("POST", `/threads/${id}/runs/stream`, { assistant_id: "agent", input: { messages: [{ role: "human", content: SEED_QUESTION }] }, stream_mode: ["updates"] });
    const paused = await call("GET", `/threads/${id}/state`);
    const toolCallId = paused.json.values.messages.at(-1).tool_calls[0].id;
    await call("POST", `/threads/${id}/state`, { values: { messages: [{ type: "tool", tool_call_id: toolCallId, content: "madrid" }] }, as_node: "ask_human" });
    await call("POST", `/threads/${id}/runs/stream`, { assistant_id: "agent", stream_mode: ["updates"] });

    const recorded = await call("POST", "/switchyard/tests/agent/from-thread", { thread_id: id, name: "Madrid" });
    expect(recorded.status).toBe(200);
    expect(recorded.json.notes).toEqual([]);
    expect(recorded.json.test).toMatchObject({ name: "Madrid", input: SEED_QUESTION, answers: [{ node: "ask_human", text: "madrid" }] });
    expect(recorded.json.test.checks).toContainEqual({ type: "visits-before-final-answer", node: "action" });

    const current = await call("GET", "/switchyard/tests/agent");
    const failing = { ...recorded.json.test, name: "Madrid is rainy", checks: [{ type: "final-message-contains", text: "rainy" }] };
    const saved = await call("PUT", "/switchyard/tests/agent", { doc: { ...current.json.doc, tests: [...current.json.doc.tests, recorded.json.test, failing] }, baseHash: current.json.hash });
    expect(saved.status).toBe(200);
    expect(saved.json.hash).not.toBe(current.json.hash);
    const stale = await call("PUT", "/switchyard/tests/agent", { doc: current.json.doc, baseHash: current.json.hash });
    expect(stale.status).toBe(409);

    const run = await call("POST", "/switchyard/tests/agent/run", { names: ["Madrid", "Madrid is rainy"] });
    const [green, red] = run.json.results;
    expect(green.status).toBe("passed");
    expect(red).toMatchObject({ status: "failed", thread_id: expect.any(String), checkpoint_id: expect.any(String) });
    expect(red.checks[0]).toMatchObject({ description: "the final message contains 'rainy'", passed: false });
    expect(red.checks[0].actual).toContain("current weather in madrid");
  });

  it("answers with a status and a detail for bad input", async () => {
    const malformed = await call("PUT", "/switchyard/tests/agent", { doc: { version: 1, tests: [{ name: "x", input: "hi", checks: [{ type: "visits" }] }] } });
    expect(malformed.status).toBe(422);
    expect(malformed.json.problems).toEqual([expect.objectContaining({ path: "tests[0].checks[0].node" })]);
    const warned = await call("PUT", "/switchyard/tests/blank", { doc: { version: 1, tests: [{ name: "x", input: "hi", checks: [{ type: "visits", node: "ghost" }] }] } });
    expect(warned.status).toBe(200);
    expect(warned.json.problems).toEqual([expect.objectContaining({ path: "tests[0].checks[0].node", message: expect.stringContaining('no node "ghost"') })]);
    expect((await call("POST", "/switchyard/tests/agent/from-thread", { thread_id: "no-such-thread", name: "x" })).status).toBe(404);
    expect((await call("POST", "/switchyard/tests/agent/from-thread", { thread_id: "x" })).json.detail).toContain("name");
    const { json: other } = await call("POST", "/threads", { metadata: { graph_id: "blank" } });
    const wrongGraph = await call("POST", "/switchyard/tests/agent/from-thread", { thread_id: other.thread_id, name: "x" });
    expect(wrongGraph.status).toBe(400);
    expect(wrongGraph.json.detail).toContain('ran graph "blank", not "agent"');
  });

  it("keeps a renamed test's last result when the save says which test was renamed", async () => {
    const paris = "Paris: looks up the city the user names";
    await call("POST", "/switchyard/tests/agent/run", { names: [paris] });
    const file = await call("GET", "/switchyard/tests/agent");
    const doc = { ...file.json.doc, tests: file.json.doc.tests.map((test: { name: string }) => (test.name === paris ? { ...test, name: "Paris, renamed" } : test)) };
    const saved = await call("PUT", "/switchyard/tests/agent", { doc, baseHash: file.json.hash, renamed: { [paris]: "Paris, renamed" } });
    expect(saved.status).toBe(200);
    expect(saved.json.last_results["Paris, renamed"]).toMatchObject({ name: "Paris, renamed", status: "passed", thread_id: file.json.last_results[paris].thread_id });
    expect(saved.json.last_results[paris]).toBeUndefined();
    const bad = await call("PUT", "/switchyard/tests/agent", { doc, baseHash: saved.json.hash, renamed: ["not", "a", "map"] });
    expect(bad.status).toBe(400);
    expect(bad.json.detail).toContain("renamed");
  });
});

