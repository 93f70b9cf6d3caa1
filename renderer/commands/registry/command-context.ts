import { hasUnsavedEdits } from "../../stores/unsaved-edits";
import { isTypingTarget } from "../../app/keys";
import { desktopBridge } from "../../../shared/desktop-bridge";
import { graphHistory, useGraphStore } from "../../stores/graph-store";
import { problemsOfOpenGraph } from "../../stores/problems";
import { isGraphShown, openGraphView, selectedDebugNodeIds } from "../../stores/open-graph-facts";
import { useRunStore, type RunStatus } from "../../stores/run-store";
import { isEditableGraph, subgraphDepth, useOpenGraph } from "../../stores/open-graph-store";
import { usePinsStore } from "../../stores/pins-store";
import { useThreadStore } from "../../stores/thread-store";

/**
 * What a command needs to know to say whether it can run: a snapshot of the app, taken when a
 * key is pressed, a menu item chosen or the palette drawn. `canRun` is a pure function of it.
 */
export interface CommandContext {
  /** The graph on screen (a drawing to act on), or null. */
  graph: { name: string; editable: boolean } | null;
  /** A graph is open, even one whose file does not parse (it can still be closed). */
  graphOpen: boolean;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Selected nodes (not START/END). */
  selectedNodes: string[];
  /** Selected edges (the edge context menu acts on the one right-clicked). */
  selectedEdges?: string[];
  /** How many subgraphs deep the graph on screen is (0: the open graph itself). */
  subgraphDepth?: number;
  runStatus: RunStatus;
  hasThread: boolean;
  problems: number;
  /** Focus is in a text field: undo and select all then act on the text. */
  typing: boolean;
  desktop: boolean;
  /** The checkpoint selected in the timeline (re-run from here). */
  selectedCheckpoint: string | null;
  /** The graph runs on this workspace's server: recorded calls, replay, pins and run-one-node exist there. */
  recorded: boolean;
  /** Pinned nodes of the open graph. */
  pinnedNodes: string[];
}

export function commandContext(): CommandContext {
  const graph = useGraphStore.getState();
  const history = graphHistory();
  const run = useRunStore.getState();
  const view = openGraphView();
  const editable = isEditableGraph();
  return {
    graph: graph.graphName && isGraphShown(view) ? { name: graph.graphName, editable } : null,
    graphOpen: !!graph.graphName,
    dirty: hasUnsavedEdits(),
    // Only a workspace graph has a document, so only it has undo history.
    canUndo: editable && history.pastStates.length > 0,
    canRedo: editable && history.futureStates.length > 0,
    selectedNodes: selectedDebugNodeIds(),
    selectedEdges: graph.edges.filter((edge) => edge.selected).map((edge) => edge.id),
    subgraphDepth: subgraphDepth(),
    runStatus: run.status,
    hasThread: !!run.threadId,
    problems: problemsOfOpenGraph(view).all.length,
    typing: typeof document !== "undefined" && isTypingTarget(document.activeElement),
    desktop: !!desktopBridge(),
    selectedCheckpoint: useThreadStore.getState().selectedCheckpoint,
    recorded: useOpenGraph.getState().graph?.source.kind === "workspace",
    pinnedNodes: usePinsStore.getState().graph === graph.graphName ? Object.keys(usePinsStore.getState().pins) : [],
  };
}
