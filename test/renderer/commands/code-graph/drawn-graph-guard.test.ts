import { addNode } from "../../../../renderer/commands/add-node";
import { setBreakpoint } from "../../../../renderer/commands/set-breakpoint";
import { loadDoc, useGraphStore } from "../../../../renderer/stores/graph-store";
import { workspaceServer } from "../../../../renderer/client/langgraph";
import { switchyardApi } from "../../../../renderer/client/switchyard-api";
import { saveGraph } from "../../../../renderer/commands/save-graph";
import { closeOpenGraph, useOpenGraph } from "../../../../renderer/stores/open-graph-store";
import { hasUnsavedEdits } from "../../../../renderer/stores/unsaved-edits";
import { seedDoc } from "../seed";

const state = () => useGraphStore.getState();

describe("a graph defined in code (no document of its own)", () => {
  beforeEach(() => {
    useOpenGraph.setState({ graph: { name: "agent", assistantId: "agent", source: { kind: "code", server: workspaceServer, file: "src/agent.ts" } } });
    loadDoc("agent", seedDoc(), null);
  });
  afterEach(() => {
    closeOpenGraph();
    vi.restoreAllMocks();
  });

  it("refuses edits", () => {
    const before = state().doc;
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    expect(state().doc).toBe(before);
  });

  it("takes breakpoints, which stay in memory (never unsaved, never written)", async () => {
    const write = vi.spyOn(switchyardApi, "writeGraph");
    setBreakpoint.run({ id: "action", side: "before", on: true });
    expect(state().doc!.nodes.find((node) => node.id === "action")!.breakpoint).toEqual({ before: true });
    expect(hasUnsavedEdits()).toBe(false);
    await saveGraph();
    expect(write).not.toHaveBeenCalled();
  });

  it("lets a workspace graph be edited again once the view is closed", () => {
    closeOpenGraph();
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    expect(state().doc!.nodes).toHaveLength(seedDoc().nodes.length + 1);
    expect(hasUnsavedEdits()).toBe(true);
  });
});
