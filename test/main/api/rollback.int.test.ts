import { servedWorkspace } from "./server-process";

// Issue 15.7: rolling a run back deletes it and its checkpoints, as LangGraph Platform does; the
// checkpoints from before it stay, and the thread goes on from the last of them. The "counter"
// fixture counts to 300 one checkpointed step at a time, so a run stays busy for a while.
describe("rollback of a run on a thread with history", () => {
  const live = servedWorkspace();

  const count = (from: number, strategy?: string) => ({ assistant_id: "counter", input: { count: from }, config: { recursion_limit: 1000 }, ...(strategy ? { multitask_strategy: strategy } : {}) });
  const history = async (threadId: string): Promise<any[]> => (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json;

  /** A thread with one finished run, and a second run under way that has written some checkpoints. */
  async function threadWithRunUnderWay() {
    const { json: thread } = await live.request("POST", "/threads", {});
    const threadId = thread.thread_id as string;
    expect((await live.request("POST", `/threads/${threadId}/runs/wait`, count(0))).json).toEqual({ count: 300 });
    const kept = (await history(threadId)).map((state) => state.checkpoint.checkpoint_id);
    const { json: second } = await live.request("POST", `/threads/${threadId}/runs`, count(-300));
    // Wait (by reading, not by time) until the run under way has checkpoints of its own to undo.
    for (let reads = 0; reads < 10_000; reads++) {
      if ((await history(threadId)).some((state) => state.metadata.run_id === second.run_id)) break;
    }
    return { threadId, kept, secondRun: second.run_id as string };
  }

  it("multitask_strategy rollback: the running run's checkpoints go, the earlier ones stay, the new run continues from them", async () => {
    const { threadId, kept, secondRun } = await threadWithRunUnderWay();
    const third = await live.request("POST", `/threads/${threadId}/runs/wait`, count(-300, "rollback"));
    expect(third.json).toEqual({ count: 300 });
    expect((await live.request("GET", `/threads/${threadId}/runs/${secondRun}`)).status).toBe(404);

    const after = await history(threadId);
    expect(after.filter((state) => state.metadata.run_id === secondRun)).toEqual([]);
    const ids = after.map((state) => state.checkpoint.checkpoint_id);
    for (const id of kept) expect(ids).toContain(id);
    // The new run's first checkpoint is a child of the last one before the rolled-back run.
    const firstOfThird = after.filter((state) => !kept.includes(state.checkpoint.checkpoint_id)).at(-1);
    expect(firstOfThird.parent_checkpoint.checkpoint_id).toBe(kept[0]);
  });

  it("cancel with action=rollback: the run and its checkpoints go, the thread is as before the run", async () => {
    const { threadId, kept, secondRun } = await threadWithRunUnderWay();
    expect((await live.request("POST", `/threads/${threadId}/runs/${secondRun}/cancel?action=rollback&wait=1`)).status).toBe(202);
    expect((await live.request("GET", `/threads/${threadId}/runs/${secondRun}`)).status).toBe(404);
    expect((await history(threadId)).map((state) => state.checkpoint.checkpoint_id)).toEqual(kept);
    expect((await live.request("GET", `/threads/${threadId}/state`)).json.values).toEqual({ count: 300 });
    expect((await live.request("GET", `/threads/${threadId}`)).json.status).toBe("idle");
  });
});
