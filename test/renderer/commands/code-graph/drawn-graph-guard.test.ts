import { addNode } from "../../../../renderer/commands/add-node";
import { startAutosave } from "../../../../renderer/commands/autosave";
import { toggleBreakpoint } from "../../../../renderer/commands/run/toggle-breakpoint";
import { commandContext } from "../../../../renderer/commands/registry/command-context";
import { undo } from "../../../../renderer/commands/undo-redo";
import { closeDoc, loadDoc, useGraphStore } from "../../../../renderer/stores/graph-store";
import { workspaceServer } from "../../../../renderer/client/langgraph";
import { switchyardApi } from "../../../../renderer/client/switchyard-api";
import { saveGraph } from "../../../../renderer/commands/save-graph";
import { breakpointsOf, openGraphView } from "../../../../renderer/stores/open-graph-facts";
import { closeOpenGraph, openWorkspaceGraph, useOpenGraph } from "../../../../renderer/stores/open-graph-store";
import { drawnGraphOf } from "../../../../renderer/commands/code-graph/drawable-graph";
import { useDrawnBreakpoints } from "../../../../renderer/stores/drawn-breakpoints-store";
import { hasUnsavedEdits } from "../../../../renderer/stores/unsaved-edits";
import { seedDoc } from "../seed";

const state = () => useGraphStore.getState();
const drawn = drawnGraphOf({ nodes: ["__start__", "agent", "action", "__end__"].map((id) => ({ id })), edges: [{ source: "__start__", target: "agent" }, { source: "agent", target: "action" }] });

describe("a graph defined in code (no document of its own)", () => {
  beforeEach(() => {
    useOpenGraph.setState({ graph: { name: "agent", assistantId: "agent", source: { kind: "code", server: workspaceServer, file: "src/agent.ts" } }, drawn });
    // As open-drawn-graph leaves it: the graph's name, no document.
    loadDoc("agent", null, null);
  });
  afterEach(() => {
    closeOpenGraph();
    closeDoc();
    useDrawnBreakpoints.setState({ byGraph: {} });
    vi.restoreAllMocks();
  });

  it("has nothing to edit, save, autosave or undo", async () => {
    const write = vi.spyOn(switchyardApi, "writeGraph");
    const stop = startAutosave(0);
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    toggleBreakpoint.run("action", "before");
    undo();
    expect(state().doc).toBeNull();
    expect(hasUnsavedEdits()).toBe(false);
    expect(commandContext()).toMatchObject({ graph: { name: "agent", editable: false }, dirty: false, canUndo: false, canRedo: false });
    await saveGraph();
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(write).not.toHaveBeenCalled();
  });

  it("takes breakpoints, which stay in this window's breakpoint store (never a document)", () => {
    toggleBreakpoint.run("action", "before");
    expect(breakpointsOf(openGraphView())).toEqual({ action: { before: true } });
    expect(state().doc).toBeNull();
    // A node the graph does not have takes none.
    toggleBreakpoint.run("nowhere", "before");
    expect(breakpointsOf(openGraphView())).toEqual({ action: { before: true } });
  });

  it("lets a workspace graph be edited again once it is open", () => {
    openWorkspaceGraph("agent");
    loadDoc("agent", seedDoc(), null);
    addNode.run({ kind: "set", position: { x: 0, y: 0 } });
    expect(state().doc!.nodes).toHaveLength(seedDoc().nodes.length + 1);
    expect(hasUnsavedEdits()).toBe(true);
    // Its breakpoints are its document's: the code graph's are not shown on it.
    expect(breakpointsOf(openGraphView())).toEqual({ ask_human: { before: true } });
  });
});
