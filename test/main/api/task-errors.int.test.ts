import { servedWorkspace } from "./server-process";

const failing = {
  version: 1,
  name: "failing",
  entry: "explode",
  state: { fields: { count: { type: "number", reducer: "replace" } } },
  nodes: [{ id: "explode", kind: "code", position: { x: 0, y: 0 }, config: { source: "(state) => { throw new RangeError('count is out of range'); }", timeoutMs: 1000, memoryMb: 64 } }],
  edges: [{ id: "explode-end", source: "explode", target: "__end__" }],
};

// Issue 15.9: a failed node's error reads back from the checkpoint as its name and message
// (what LangGraph Platform shows), never as "[object Object]".
describe("a failed task's error", () => {
  const live = servedWorkspace();

  it("reads back with its name and message in the state and the history", async () => {
    expect((await live.request("POST", "/switchyard/graphs", { name: "failing", doc: failing })).status).toBe(201);
    const { json: thread } = await live.request("POST", "/threads", {});
    const run = await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "failing", input: { count: 1 } });
    expect(run.json.__error__.message).toMatch(/count is out of range/);

    const state = (await live.request("GET", `/threads/${thread.thread_id}/state`)).json;
    expect(state.tasks).toHaveLength(1);
    const error = state.tasks[0].error as string;
    expect(error).not.toContain("[object Object]");
    expect(error).toBe(`CodeThrewError: code node "explode" threw RangeError: count is out of range (line 1)`);
    const history = (await live.request("POST", `/threads/${thread.thread_id}/history`, { limit: 10 })).json;
    expect(history[0].tasks[0].error).toBe(error);
  });
});
