import { servedWorkspace } from "./server-process";

// Issue 15.3: a checkpoint id the thread does not have is a 404 naming it, on every route that
// takes one, and the thread is exactly as before (no new root, no empty state, no error status).
describe("unknown checkpoint ids", () => {
  const live = servedWorkspace();
  let threadId: string;
  let before: { state: unknown; history: unknown; runs: unknown };

  const snapshot = async () => ({
    state: (await live.request("GET", `/threads/${threadId}/state`)).json,
    history: (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json,
    runs: (await live.request("GET", `/threads/${threadId}/runs`)).json,
  });

  beforeAll(async () => {
    threadId = (await live.request("POST", "/threads", {})).json.thread_id;
    await live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] } });
    before = await snapshot();
  });

  afterEach(async () => {
    expect(await snapshot()).toEqual(before);
    expect((await live.request("GET", `/threads/${threadId}`)).json.status).toBe("interrupted");
  });

  const answer = { messages: [{ type: "human", content: "Paris" }] };
  const cases: Array<[string, () => Promise<{ status: number; json?: any }>]> = [
    ["POST /state with checkpoint_id", () => live.request("POST", `/threads/${threadId}/state`, { values: answer, as_node: "ask_human", checkpoint_id: "bogus" })],
    ["POST /state with checkpoint.checkpoint_id", () => live.request("POST", `/threads/${threadId}/state`, { values: answer, as_node: "ask_human", checkpoint: { checkpoint_id: "bogus" } })],
    ["GET /state/{checkpoint_id}", () => live.request("GET", `/threads/${threadId}/state/bogus`)],
    ["POST /state/checkpoint", () => live.request("POST", `/threads/${threadId}/state/checkpoint`, { checkpoint: { checkpoint_id: "bogus" } })],
    ["a run (wait) from it", () => live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null, checkpoint_id: "bogus" })],
    ["a run (stream) from it", () => live.request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "agent", input: null, checkpoint: { checkpoint_id: "bogus" } })],
    ["a background run from it", () => live.request("POST", `/threads/${threadId}/runs`, { assistant_id: "agent", input: null, checkpoint_id: "bogus" })],
  ];

  it.each(cases)("%s: 404 naming the checkpoint", async (_name, send) => {
    const response = await send();
    expect(response.status).toBe(404);
    expect(response.json.detail).toMatch(`Checkpoint bogus not found in thread ${threadId}`);
  });

  it("a checkpoint the thread has still reads, by path and by body", async () => {
    const oldest = (before.history as any[]).at(-1);
    const read = await live.request("GET", `/threads/${threadId}/state/${oldest.checkpoint.checkpoint_id}`);
    expect(read.status).toBe(200);
    expect(read.json.checkpoint.checkpoint_id).toBe(oldest.checkpoint.checkpoint_id);
    const posted = await live.request("POST", `/threads/${threadId}/state/checkpoint`, { checkpoint: { checkpoint_id: oldest.checkpoint.checkpoint_id } });
    expect(posted.json).toEqual(read.json);
  });
});
