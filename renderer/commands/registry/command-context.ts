import { hasUnsavedEdits } from "../../stores/unsaved-edits";
import { isTypingTarget } from "../../app/keys";
import { desktopBridge } from "../../../shared/desktop-bridge";
import { graphHistory, useGraphStore } from "../../stores/graph-store";
import { problemsOf } from "../../stores/problems";
import { useRunStore, type RunStatus } from "../../stores/run-store";
import { isEditableGraph, useOpenGraph } from "../../stores/open-graph-store";
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
  return {
    graph: graph.graphName && graph.doc ? { name: graph.graphName, editable: isEditableGraph() } : null,
    graphOpen: !!graph.graphName,
    dirty: hasUnsavedEdits(),
    canUndo: history.pastStates.length > 0,
    canRedo: history.futureStates.length > 0,
    selectedNodes: graph.nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end").map((node) => node.id),
    runStatus: run.status,
    hasThread: !!run.threadId,
    problems: problemsOf(graph.doc).all.length,
    typing: typeof document !== "undefined" && isTypingTarget(document.activeElement),
    desktop: !!desktopBridge(),
    selectedCheckpoint: useThreadStore.getState().selectedCheckpoint,
    recorded: useOpenGraph.getState().graph?.source.kind === "workspace",
    pinnedNodes: usePinsStore.getState().graph === graph.graphName ? Object.keys(usePinsStore.getState().pins) : [],
  };
}
