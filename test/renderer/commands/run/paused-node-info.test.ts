import { pausedNodeInfo } from "../../../../renderer/commands/run/paused-node-info";
import { debuggerDocOf, drawnGraphOf } from "../../../../renderer/commands/code-graph/drawable-graph";
import { seedDoc } from "../seed";

const askHuman = { id: "call_638", name: "AskHuman", args: { question: "Where are you currently located?" } };
const values = (calls: { id: string; name: string; args: Record<string, unknown> }[]) => ({ messages: [{ type: "human", content: "hi" }, { type: "ai", content: "", tool_calls: calls }] });
// A deployed seed graph as LangGraph draws it: node names say nothing to the debugger.
const drawn = debuggerDocOf(
  "agent",
  drawnGraphOf({
    nodes: ["__start__", "agent", "ask_human", "action", "__end__"].map((id) => ({ id })),
    edges: [
      { source: "__start__", target: "agent" },
      { source: "agent", target: "ask_human", conditional: true },
      { source: "agent", target: "action", conditional: true },
      { source: "ask_human", target: "agent" },
      { source: "action", target: "agent" },
    ],
  }),
  { messages: { type: "messages", reducer: "messages" } },
);

describe("what the debugger knows of the paused node", () => {
  it("a workspace graph: its human node answers its ask tool's pending call", () => {
    const info = pausedNodeInfo({ doc: seedDoc(), editable: true, pause: { kind: "before", node: "ask_human" }, values: values([askHuman]) });
    expect(info).toEqual({ humanLike: true, answersToolCall: askHuman });
    expect(pausedNodeInfo({ doc: seedDoc(), editable: true, pause: { kind: "before", node: "action" }, values: values([askHuman]) }).humanLike).toBe(false);
  });

  it("a code or deployed graph: the AskHuman call the thread waits on makes the next node the one a person answers", () => {
    expect(pausedNodeInfo({ doc: drawn, editable: false, pause: { kind: "before", node: "ask_human" }, values: values([askHuman]) })).toEqual({ humanLike: true, answersToolCall: askHuman });
  });

  it("never from a node's name: paused before ask_human on a search call, nobody is asked", () => {
    const search = { id: "call_9", name: "search", args: { query: "weather" } };
    expect(pausedNodeInfo({ doc: drawn, editable: false, pause: { kind: "before", node: "ask_human" }, values: values([search]) })).toEqual({ humanLike: false, answersToolCall: null });
    // ...and a node of any name answers an AskHuman call.
    expect(pausedNodeInfo({ doc: drawn, editable: false, pause: { kind: "before", node: "action" }, values: values([askHuman]) }).humanLike).toBe(true);
  });

  it("an interrupt() payload at a node makes it human-like in any graph", () => {
    expect(pausedNodeInfo({ doc: drawn, editable: false, pause: { kind: "interrupt", node: "agent", payload: { question: "ok?" } }, values: {} }).humanLike).toBe(true);
  });

  it("not paused: nothing", () => {
    expect(pausedNodeInfo({ doc: drawn, editable: false, pause: null, values: values([askHuman]) })).toEqual({ humanLike: false, answersToolCall: null });
  });
});
