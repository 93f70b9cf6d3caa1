import { breakpointsOf, debugEdgesOf, debugNodeIdsOf, debugNodesOf, isGraphShown, messagesFieldOfView, stateFieldsOf } from "../../../renderer/stores/open-graph-facts";
import { seedDoc } from "../commands/seed";
import { drawnView, workspaceView } from "./open-graph-views";

describe("the open graph's debugger facts: one function per question, for every source", () => {
  const withBreakpoints = () => {
    const doc = seedDoc();
    return { ...doc, nodes: doc.nodes.map((node) => (node.id === "agent" ? { ...node, breakpoint: { after: true } } : node)) };
  };

  it("an editable document: its nodes, edges, fields and saved breakpoints; a human node says it is answered", () => {
    const view = workspaceView(withBreakpoints());
    expect(isGraphShown(view)).toBe(true);
    expect(debugNodeIdsOf(view)).toEqual(["action", "agent", "ask_human"]);
    expect(debugNodesOf(view).find((node) => node.id === "ask_human")!.asks).toEqual({ by: "document", human: true, askTool: "AskHuman" });
    expect(debugNodesOf(view).find((node) => node.id === "agent")!.asks).toEqual({ by: "document", human: false });
    expect(debugEdgesOf(view)).toContainEqual({ source: "agent", target: "ask_human" });
    expect(stateFieldsOf(view)).toBe(view.doc!.state.fields);
    expect(messagesFieldOfView(view)).toBe("messages");
    expect(breakpointsOf(view)).toEqual({ agent: { after: true }, ask_human: { before: true } });
    // The same document gives the same arrays (components select them without re-rendering).
    expect(debugNodesOf(view)).toBe(debugNodesOf(workspaceView(view.doc!)));
  });

  it("a code graph: LangGraph's top-level names, a subgraph's inner nodes by path, the thread says who answers", () => {
    const view = drawnView("code", { ask_human: { before: true } });
    expect(view.doc).toBeNull();
    expect(isGraphShown(view)).toBe(true);
    expect(debugNodeIdsOf(view)).toEqual(["greet", "agent", "ask_human", "action"]);
    const greet = debugNodesOf(view).find((node) => node.id === "greet")!;
    expect(greet.inner.map((node) => node.path)).toEqual([
      ["greet", "compose"],
      ["greet", "punctuate"],
    ]);
    expect(debugNodesOf(view).every((node) => node.asks.by === "thread")).toBe(true);
    // Inner edges belong to the top-level node, as the run store keys taken edges.
    expect(debugEdgesOf(view)).toEqual([
      { source: "__start__", target: "agent" },
      { source: "agent", target: "ask_human" },
      { source: "agent", target: "action" },
      { source: "agent", target: "greet" },
      { source: "greet", target: "__end__" },
      { source: "ask_human", target: "agent" },
      { source: "action", target: "agent" },
    ]);
    expect(breakpointsOf(view)).toEqual({ ask_human: { before: true } });
    // Until the server says the schema, a chat's messages; then the server's fields.
    expect(stateFieldsOf(view)).toEqual({ messages: { type: "messages", reducer: "messages" } });
    const typed = drawnView("code", {}, { topic: { type: "string", reducer: "replace" } });
    expect(stateFieldsOf(typed)).toEqual({ topic: { type: "string", reducer: "replace" } });
    expect(messagesFieldOfView(typed)).toBeUndefined();
  });

  it("a remote graph: the same functions, the same answers as the same graph in code", () => {
    const remote = drawnView("remote", { agent: { after: true } });
    expect(debugNodeIdsOf(remote)).toEqual(debugNodeIdsOf(drawnView("code")));
    expect(breakpointsOf(remote)).toEqual({ agent: { after: true } });
    expect(stateFieldsOf(remote)).toEqual(stateFieldsOf(drawnView("code")));
  });

  it("a graph that cannot be drawn: no nodes, no fields (its one problem is why)", () => {
    const broken = { ...drawnView("code"), drawn: { nodes: [], edges: [] } };
    broken.graph = { ...broken.graph!, error: "src/agent.ts:3: Unexpected token" };
    expect(isGraphShown(broken)).toBe(true);
    expect(debugNodesOf(broken)).toEqual([]);
    expect(stateFieldsOf(broken)).toEqual({});
  });
});
