import { servedWorkspace } from "./server-process";

// Acceptance 4: a second run on a busy thread, under each multitask strategy. The "counter"
// fixture counts to 300 one checkpointed step at a time, so a run stays busy for a while.
describe("runs on a busy thread", () => {
  const live = servedWorkspace();

  const count = (from: number, strategy?: string) => ({
    assistant_id: "counter",
    input: { count: from },
    config: { recursion_limit: 1000 },
    ...(strategy ? { multitask_strategy: strategy } : {}),
  });

  async function busyThread() {
    const { json: thread } = await live.request("POST", "/threads", {});
    const first = await live.request("POST", `/threads/${thread.thread_id}/runs`, count(0));
    expect(first.json.status).toBe("pending");
    expect((await live.request("GET", `/threads/${thread.thread_id}`)).json.status).toBe("busy");
    return { threadId: thread.thread_id as string, firstRun: first.json.run_id as string };
  }

  const run = async (threadId: string, runId: string) => (await live.request("GET", `/threads/${threadId}/runs/${runId}`)).json;
  const join = (threadId: string, runId: string) => live.request("GET", `/threads/${threadId}/runs/${runId}/join`);

  it("reject: answers 409 and leaves the running run alone", async () => {
    const { threadId, firstRun } = await busyThread();
    const second = await live.request("POST", `/threads/${threadId}/runs/stream`, count(0, "reject"));
    expect(second.status).toBe(409);
    expect(second.json.detail).toMatch(/busy/);
    const state = (await live.request("POST", `/threads/${threadId}/state`, { values: { count: 1 } })).status;
    expect(state).toBe(409);
    expect((await join(threadId, firstRun)).json).toEqual({ count: 300 });
    expect((await run(threadId, firstRun)).status).toBe("success");
    expect((await live.request("GET", `/threads/${threadId}/runs`)).json).toHaveLength(1);
  });

  it("interrupt: stops the running run where it is, keeps its progress, then runs the new one", async () => {
    const { threadId, firstRun } = await busyThread();
    await new Promise((done) => setTimeout(done, 30));
    // input null: the new run picks up where the interrupted one stopped.
    const second = await live.request("POST", `/threads/${threadId}/runs/wait`, { ...count(0, "interrupt"), input: null });
    expect(second.json).toEqual({ count: 300 });
    expect((await run(threadId, firstRun)).status).toBe("interrupted");
    const history = (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json;
    expect(history.some((state: any) => state.metadata.run_id === firstRun)).toBe(true);
    expect((await live.request("GET", `/threads/${threadId}`)).json.status).toBe("idle");
  });

  it("rollback: deletes the running run and its checkpoints, then runs the new one from the start", async () => {
    const { threadId, firstRun } = await busyThread();
    const second = await live.request("POST", `/threads/${threadId}/runs/wait`, count(0, "rollback"));
    expect(second.json).toEqual({ count: 300 });
    expect((await live.request("GET", `/threads/${threadId}/runs/${firstRun}`)).status).toBe(404);
    const history = (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json;
    expect(history.some((state: any) => state.metadata.run_id === firstRun)).toBe(false);
    expect(history.at(-1).metadata.source).toBe("input");
  });

  it("enqueue: the new run waits for the running one, then runs on its result", async () => {
    const { threadId, firstRun } = await busyThread();
    const second = await live.request("POST", `/threads/${threadId}/runs`, count(-300, "enqueue"));
    expect(second.json.status).toBe("pending");
    expect((await join(threadId, second.json.run_id)).json).toEqual({ count: 300 });
    const [newest, oldest] = (await live.request("GET", `/threads/${threadId}/runs`)).json;
    expect([oldest.run_id, newest.run_id]).toEqual([firstRun, second.json.run_id]);
    expect([oldest.status, newest.status]).toEqual(["success", "success"]);
    expect(Date.parse(newest.updated_at)).toBeGreaterThanOrEqual(Date.parse(oldest.updated_at));
  });

  it("cancel: a run cancelled through its route ends as interrupted and the thread is free again", async () => {
    const { threadId, firstRun } = await busyThread();
    expect((await live.request("POST", `/threads/${threadId}/runs/${firstRun}/cancel?wait=1`)).status).toBe(202);
    expect((await run(threadId, firstRun)).status).toBe("interrupted");
    expect((await live.request("GET", `/threads/${threadId}`)).json.status).not.toBe("busy");
  });
});
