import { vi } from "vitest";

const calls: { method: string; args: unknown[] }[] = [];
vi.mock("../../../../renderer/client/debugger-api", () => ({
  debuggerApiOf: () => ({
    updateState: async (...args: unknown[]) => (calls.push({ method: "updateState", args }), { checkpoint_id: "c2" }),
    getState: async () => ({ values: {}, next: ["agent"], tasks: [], metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c2" }, parent_checkpoint: null }),
    history: async () => [],
    searchThreads: async () => [],
    stream: async function* (...args: unknown[]) {
      calls.push({ method: "stream", args });
      yield { event: "metadata", data: { run_id: "r2" } };
    },
  }),
}));
vi.mock("../../../../renderer/commands/save-graph", () => ({ saveGraph: async () => undefined }));

const { answerHuman, applyAsExplanation, defaultApplyAsNode, pendingToolCall } = await import("../../../../renderer/commands/run/apply-as-node");
const { toggleBreakpoint } = await import("../../../../renderer/commands/run/toggle-breakpoint");
const { useRunStore, emptyRun } = await import("../../../../renderer/stores/run-store");
const { loadDoc, useGraphStore } = await import("../../../../renderer/stores/graph-store");
const { seedDoc } = await import("../seed");

const pausedValues = {
  messages: [
    { type: "human", content: "Where am I?" },
    { type: "ai", content: "Let me ask", tool_calls: [{ id: "call_638", name: "AskHuman", args: { question: "Where are you currently located?" } }] },
  ],
};

describe("apply as node", () => {
  beforeEach(() => {
    calls.length = 0;
    loadDoc("agent", seedDoc(), "h1");
    useRunStore.setState({ ...emptyRun(), graphName: "agent", threadId: "t1", status: "paused", pause: { kind: "before", node: "ask_human" }, lastNode: "agent" });
  });

  it("the pending tool call is the last AI message's call of the ask tool", () => {
    expect(pendingToolCall(pausedValues, "messages", "AskHuman")).toEqual({ id: "call_638", name: "AskHuman", args: { question: "Where are you currently located?" } });
    expect(pendingToolCall({ messages: [] }, "messages", "AskHuman")).toBeNull();
  });

  it("the answer becomes the tool message for that call, written as the human node, then the run continues", async () => {
    await answerHuman("san francisco", "ask_human", "messages", "call_638");
    expect(calls[0]).toEqual({ method: "updateState", args: ["t1", { messages: [{ type: "tool", tool_call_id: "call_638", content: "san francisco" }] }, "ask_human"] });
    expect(calls[1].method).toBe("stream");
    expect(calls[1].args[2]).toMatchObject({ input: null, interruptBefore: ["ask_human"], interruptAfter: [] });
  });

  it("Apply as proposes the paused-before human node, else the last node that ran", () => {
    expect(defaultApplyAsNode({ kind: "before", node: "ask_human" }, "agent", true)).toBe("ask_human");
    expect(defaultApplyAsNode({ kind: "before", node: "action" }, "agent", false)).toBe("agent");
    expect(defaultApplyAsNode({ kind: "after", node: "agent" }, "agent", false)).toBe("agent");
    expect(applyAsExplanation("ask_human")).toBe("The run continues as if ask_human had produced this update.");
  });

  it("toggling a breakpoint flips pause before / after on the node, in undo history", () => {
    toggleBreakpoint.run("agent", "after");
    expect(useGraphStore.getState().doc!.nodes.find((node) => node.id === "agent")!.breakpoint).toEqual({ after: true });
    toggleBreakpoint.run("ask_human", "before");
    expect(useGraphStore.getState().doc!.nodes.find((node) => node.id === "ask_human")!.breakpoint).toBeUndefined();
  });
});
