import type { ThreadState } from "@langchain/langgraph-sdk";
import { applyFrame, emptyRun, settleRun, type RunState } from "../../../renderer/stores/run-store";

const fresh = (): RunState => ({ ...emptyRun(), threadId: "t1", graphName: "agent", status: "running" });

/** Applies frames in order, as the store does. */
function play(frames: [string, unknown][], start = fresh()): RunState {
  return frames.reduce<RunState>((state, [event, data]) => ({ ...state, ...applyFrame(state, event, data, 1000) }), start);
}

const threadState = (partial: Partial<ThreadState>): ThreadState =>
  ({ values: {}, next: [], tasks: [], metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c9" }, parent_checkpoint: null, ...partial }) as ThreadState;

describe("run store: frames", () => {
  it("a task's start marks its node running and numbers the edge from the node before", () => {
    const state = play([
      ["metadata", { run_id: "r1" }],
      ["tasks", { id: "a", name: "agent", input: { messages: [] } }],
    ]);
    expect(state.runId).toBe("r1");
    expect(state.nodeStatus).toEqual({ agent: "running" });
    expect(state.edgeOrder).toEqual({ "__start__>agent": [1] });
    expect(state.steps).toEqual([{ id: "a", node: "agent", startedAt: 1000, input: { messages: [] } }]);
  });

  it("results mark nodes done and edges are numbered in the order taken, loops included", () => {
    const state = play([
      ["tasks", { id: "1", name: "agent", input: {} }],
      ["tasks", { id: "1", name: "agent", result: { messages: [] }, error: null, interrupts: [] }],
      ["tasks", { id: "2", name: "action", input: {} }],
      ["tasks", { id: "2", name: "action", result: {}, error: null, interrupts: [] }],
      ["tasks", { id: "3", name: "agent", input: {} }],
    ]);
    expect(state.nodeStatus).toEqual({ agent: "running", action: "done" });
    expect(state.edgeOrder).toEqual({ "__start__>agent": [1], "agent>action": [2], "action>agent": [3] });
    expect(state.visited).toEqual(["agent", "action"]);
  });

  it("a task error marks its node red with the message, once in the log", () => {
    const state = play([
      ["tasks", { id: "1", name: "check", input: {} }],
      ["tasks", { id: "1", name: "check", result: null, error: { name: "Error", message: "boom" }, interrupts: [] }],
      ["error", { error: "Error", message: "boom" }],
    ]);
    expect(state.status).toBe("error");
    expect(state.nodeStatus.check).toBe("error");
    expect(state.nodeErrors.check).toBe("boom");
    expect(state.events.filter((event) => event.kind === "error")).toHaveLength(1);
  });

  it("updates become readable log lines tied to their step; tokens stream per node", () => {
    const state = play([
      ["tasks", { id: "1", name: "agent", input: {} }],
      ["messages", [{ type: "AIMessageChunk", content: "Hel" }, { langgraph_node: "agent" }]],
      ["messages", [{ type: "AIMessageChunk", content: "lo" }, { langgraph_node: "agent" }]],
    ]);
    expect(state.streaming).toEqual({ node: "agent", text: "Hello" });
    const next = play([["updates", { agent: { messages: [{ type: "ai", content: "Hello", tool_calls: [{ name: "AskHuman", args: {} }] }] } }]], state);
    expect(next.streaming).toBeNull();
    expect(next.events.at(-1)).toMatchObject({ kind: "update", node: "agent", stepId: "1", text: "messages: Hello → calls AskHuman" });
  });
});

describe("run store: where the run stopped", () => {
  it("paused before a node: that node is amber and the edge into it is counted once", () => {
    const ran = play([
      ["tasks", { id: "1", name: "agent", input: {} }],
      ["tasks", { id: "1", name: "agent", result: {}, error: null, interrupts: [] }],
    ]);
    const paused = { ...ran, ...settleRun(ran, threadState({ next: ["ask_human"], tasks: [{ id: "2", name: "ask_human", error: null, interrupts: [] }] as never }), []) };
    expect(paused.status).toBe("paused");
    expect(paused.pause).toEqual({ kind: "before", node: "ask_human" });
    expect(paused.nodeStatus).toEqual({ agent: "done", ask_human: "paused" });
    expect(paused.edgeOrder["agent>ask_human"]).toEqual([2]);
    // Stepping on: the node starts, and its edge is not numbered again.
    const resumed = play([["tasks", { id: "2", name: "ask_human", input: {} }]], { ...paused, status: "running" });
    expect(resumed.edgeOrder["agent>ask_human"]).toEqual([2]);
    expect(resumed.edgeCount).toBe(2);
  });

  it("paused after a node with an after-breakpoint names that node", () => {
    const ran = play([
      ["tasks", { id: "1", name: "agent", input: {} }],
      ["tasks", { id: "1", name: "agent", result: {}, error: null, interrupts: [] }],
    ]);
    const change = settleRun(ran, threadState({ next: ["action"] }), ["agent"]);
    expect(change.pause).toEqual({ kind: "after", node: "agent" });
    expect(change.nodeStatus).toEqual({ agent: "paused" });
  });

  it("interrupt() pauses with its payload", () => {
    const change = settleRun(fresh(), threadState({ next: ["ask"], tasks: [{ id: "1", name: "ask", error: null, interrupts: [{ value: { question: "Where?" } }] }] as never }), []);
    expect(change.pause).toEqual({ kind: "interrupt", node: "ask", payload: { question: "Where?" } });
  });

  it("nothing next: done, with the last edge into END", () => {
    const ran = play([
      ["tasks", { id: "1", name: "agent", input: {} }],
      ["tasks", { id: "1", name: "agent", result: {}, error: null, interrupts: [] }],
    ]);
    const change = settleRun(ran, threadState({}), []);
    expect(change.status).toBe("done");
    expect(change.edgeOrder?.["agent>__end__"]).toEqual([2]);
  });

  it("a cancelled run stays cancelled, its running node no longer pulsing", () => {
    const running = play([["tasks", { id: "1", name: "slow", input: {} }]]);
    const change = settleRun({ ...running, status: "cancelled" }, threadState({ next: ["slow"] }), []);
    expect(change.status).toBe("cancelled");
    expect(change.nodeStatus).toEqual({ slow: "done" });
  });
});
