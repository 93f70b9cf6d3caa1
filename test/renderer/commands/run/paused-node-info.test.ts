import { pausedNodeInfo } from "../../../../renderer/commands/run/paused-node-info";
import { seedDoc } from "../seed";
import { drawnView, workspaceView } from "../../stores/open-graph-views";

const askHuman = { id: "call_638", name: "AskHuman", args: { question: "Where are you currently located?" } };
const values = (calls: { id: string; name: string; args: Record<string, unknown> }[]) => ({ messages: [{ type: "human", content: "hi" }, { type: "ai", content: "", tool_calls: calls }] });
// A deployed seed graph as LangGraph draws it: node names say nothing to the debugger.
const drawn = drawnView("remote");
const workspace = workspaceView(seedDoc());

describe("what the debugger knows of the paused node", () => {
  it("a workspace graph: its human node answers its ask tool's pending call", () => {
    const info = pausedNodeInfo({ view: workspace, pause: { kind: "before", node: "ask_human" }, values: values([askHuman]) });
    expect(info).toEqual({ humanLike: true, answersToolCall: askHuman });
    expect(pausedNodeInfo({ view: workspace, pause: { kind: "before", node: "action" }, values: values([askHuman]) }).humanLike).toBe(false);
  });

  it("a code or deployed graph: the AskHuman call the thread waits on makes the next node the one a person answers", () => {
    expect(pausedNodeInfo({ view: drawn, pause: { kind: "before", node: "ask_human" }, values: values([askHuman]) })).toEqual({ humanLike: true, answersToolCall: askHuman });
  });

  it("never from a node's name: paused before ask_human on a search call, nobody is asked", () => {
    const search = { id: "call_9", name: "search", args: { query: "weather" } };
    expect(pausedNodeInfo({ view: drawn, pause: { kind: "before", node: "ask_human" }, values: values([search]) })).toEqual({ humanLike: false, answersToolCall: null });
    // ...and a node of any name answers an AskHuman call.
    expect(pausedNodeInfo({ view: drawn, pause: { kind: "before", node: "action" }, values: values([askHuman]) }).humanLike).toBe(true);
  });

  it("an interrupt() payload at a node makes it human-like in any graph", () => {
    expect(pausedNodeInfo({ view: drawn, pause: { kind: "interrupt", node: "agent", payload: { question: "ok?" } }, values: {} }).humanLike).toBe(true);
  });

  it("a code graph asks the same way: the thread, not the document, says who answers", () => {
    expect(pausedNodeInfo({ view: drawnView("code"), pause: { kind: "before", node: "ask_human" }, values: values([askHuman]) })).toEqual({ humanLike: true, answersToolCall: askHuman });
    // Paused after a node, nobody is asked (the answer box is for the node about to run).
    expect(pausedNodeInfo({ view: drawnView("code"), pause: { kind: "after", node: "agent" }, values: values([askHuman]) }).humanLike).toBe(false);
  });

  it("not paused: nothing", () => {
    expect(pausedNodeInfo({ view: drawn, pause: null, values: values([askHuman]) })).toEqual({ humanLike: false, answersToolCall: null });
  });
});
