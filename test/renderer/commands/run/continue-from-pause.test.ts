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

const { continueFromPause } = await import("../../../../renderer/commands/run/continue-from-pause");
const { currentPauseAsk, noAnswerConsequence, pauseAskOf } = await import("../../../../renderer/commands/run/pause-ask");
const { runCommand } = await import("../../../../renderer/commands/registry/app-commands");
const { useRunStore, emptyRun } = await import("../../../../renderer/stores/run-store");
const { useUiStore } = await import("../../../../renderer/stores/ui-store");
const { setDraft, useAnswerDraft } = await import("../../../../renderer/stores/answer-draft-store");
const { loadDoc } = await import("../../../../renderer/stores/graph-store");
const { seedDoc } = await import("../seed");
const { workspaceView } = await import("../../stores/open-graph-views");

const askHuman = { id: "call_638", name: "AskHuman", args: { question: "Where are you currently located?" } };
const pausedValues = { messages: [{ type: "human", content: "Where am I?" }, { type: "ai", content: "", tool_calls: [askHuman] }] };
const threadState = (values: Record<string, unknown>) => ({ values, next: ["ask_human"], tasks: [], metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c1" }, parent_checkpoint: null }) as never;

function pauseAt(pause: { kind: "before" | "after" | "interrupt"; node: string; payload?: unknown }): void {
  useRunStore.setState({ ...emptyRun(), graphName: "agent", threadId: "t1", status: "paused", pause, lastNode: "agent", threadState: threadState(pausedValues) });
}

describe("Continue at a pause that waits for a person", () => {
  beforeEach(() => {
    calls.length = 0;
    loadDoc("agent", seedDoc(), "h1");
    useAnswerDraft.setState({ node: null, text: "", focusCount: 0 });
    useUiStore.setState({ confirm: null, bottomTab: "events", bottomOpen: false });
  });

  it("before the seed's ask_human: the pause asks the AskHuman question, and says what no answer means", () => {
    pauseAt({ kind: "before", node: "ask_human" });
    const ask = currentPauseAsk();
    expect(ask).toEqual({ kind: "answer", node: "ask_human", question: "Where are you currently located?", messagesField: "messages", toolCall: askHuman, askedBy: "agent" });
    expect(noAnswerConsequence(ask!)).toBe("ask_human gets no answer: the agent will see no reply to AskHuman.");
    // A breakpoint before a node no one answers asks nothing.
    expect(pauseAskOf({ view: workspaceView(seedDoc()), pause: { kind: "before", node: "action" }, status: "paused", values: pausedValues, lastNode: "agent" })).toBeNull();
  });

  it("an answer typed and not sent is sent by Continue: the tool message as ask_human, then the run goes on", async () => {
    pauseAt({ kind: "before", node: "ask_human" });
    setDraft("ask_human", "  san francisco ");
    await continueFromPause();
    expect(calls.map((call) => call.method)).toEqual(["updateState", "stream"]);
    expect(calls[0].args).toEqual(["t1", { messages: [{ type: "tool", tool_call_id: "call_638", content: "san francisco" }] }, "ask_human"]);
    expect(useAnswerDraft.getState().text).toBe("");
    expect(useUiStore.getState().confirm).toBeNull();
  });

  it("a draft typed at another pause is not sent here", async () => {
    pauseAt({ kind: "before", node: "ask_human" });
    setDraft("review", "yes");
    const going = continueFromPause();
    await vi.waitFor(() => expect(useUiStore.getState().confirm).not.toBeNull());
    useUiStore.getState().confirm!.resolve(true);
    await going;
    expect(calls.map((call) => call.method)).toEqual(["stream"]);
  });

  it("with no answer, the F8 command asks first; Answer first brings the answer box forward and runs nothing", async () => {
    pauseAt({ kind: "before", node: "ask_human" });
    expect(runCommand("run.continue")).toBe(true);
    await vi.waitFor(() => expect(useUiStore.getState().confirm).not.toBeNull());
    const request = useUiStore.getState().confirm!;
    expect(request.message).toBe("ask_human gets no answer: the agent will see no reply to AskHuman.");
    expect([request.confirmLabel, request.cancelLabel]).toEqual(["Continue without an answer", "Answer first"]);
    useUiStore.setState({ confirm: null });
    request.resolve(false);
    await vi.waitFor(() => expect(useUiStore.getState().bottomTab).toBe("run"));
    expect(useUiStore.getState().bottomOpen).toBe(true);
    expect(useAnswerDraft.getState().focusCount).toBe(1);
    expect(calls).toEqual([]);
  });

  it("with no answer, Continue without an answer runs on with no update", async () => {
    pauseAt({ kind: "before", node: "ask_human" });
    const going = continueFromPause();
    await vi.waitFor(() => expect(useUiStore.getState().confirm).not.toBeNull());
    useUiStore.getState().confirm!.resolve(true);
    await going;
    expect(calls.map((call) => call.method)).toEqual(["stream"]);
    expect(calls[0].args[2]).toMatchObject({ input: null });
  });

  it("at a breakpoint no one answers, Continue runs on at once", async () => {
    pauseAt({ kind: "before", node: "action" });
    await continueFromPause();
    expect(useUiStore.getState().confirm).toBeNull();
    expect(calls.map((call) => call.method)).toEqual(["stream"]);
  });

  it("in interrupt(): the typed resume value is sent as Command({resume}), JSON parsed", async () => {
    pauseAt({ kind: "interrupt", node: "review", payload: { question: "Approve?" } });
    expect(currentPauseAsk()).toEqual({ kind: "resume", node: "review", question: "Approve?" });
    setDraft("review", '{"approved": true}');
    await continueFromPause();
    expect(calls.map((call) => call.method)).toEqual(["stream"]);
    expect(calls[0].args[2]).toMatchObject({ command: { resume: { approved: true } } });
  });
});
