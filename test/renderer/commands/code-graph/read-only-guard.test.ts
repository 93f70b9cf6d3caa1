import { addNode } from "../../../../renderer/commands/add-node";
import { setBreakpoint } from "../../../../renderer/commands/set-breakpoint";
import { loadDoc, useGraphStore } from "../../../../renderer/stores/graph-store";
import { useReadOnlyGraph } from "../../../../renderer/stores/read-only-graph-store";
import { seedDoc } from "../seed";

const state = () => useGraphStore.getState();

describe("a read-only graph", () => {
  beforeEach(() => {
    useReadOnlyGraph.setState({ view: { source: "code", graphName: "agent", assistantId: "agent", file: "src/agent.ts" } });
    loadDoc("agent", seedDoc(), null);
  });
  afterEach(() => useReadOnlyGraph.setState({ view: null }));

  it("refuses edits", () => {
    const before = state().doc;
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    expect(state().doc).toBe(before);
  });

  it("takes breakpoints, which stay in memory (never unsaved, so never written)", () => {
    setBreakpoint.run({ id: "action", side: "before", on: true });
    expect(state().doc!.nodes.find((node) => node.id === "action")!.breakpoint).toEqual({ before: true });
    expect(state().doc).toBe(state().savedDoc);
  });

  it("lets a workspace graph be edited again once the view is closed", () => {
    useReadOnlyGraph.setState({ view: null });
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    expect(state().doc!.nodes).toHaveLength(seedDoc().nodes.length + 1);
    expect(state().doc).not.toBe(state().savedDoc);
  });
});
