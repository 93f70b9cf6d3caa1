import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { temporal } from "zundo";
import { create } from "zustand";
import type { GraphDoc } from "../../shared/graph-doc";
import type { Problem } from "../../shared/problem";
import { flowFromDoc, type FlowEdge, type FlowNode, type Selection } from "./flow-from-doc";

/**
 * The open graph: its document (the only part with undo history), the React Flow view of it
 * (positions while dragging, selection, measured sizes; never in history) and what the disk holds.
 */
export interface GraphState {
  graphName: string | null;
  doc: GraphDoc | null;
  /** The document as last loaded from or saved to disk; `doc !== savedDoc` means unsaved edits. */
  savedDoc: GraphDoc | null;
  /** The server's hash of the file we last read or wrote (the base of the next save). */
  hash: string | null;
  /** Set when the file on disk does not parse as a graph document. */
  loadProblems: Problem[];
  loadText: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** The document the flow view was built from; differs from `doc` right after undo/redo. */
  flowDoc: GraphDoc | null;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
}

export const useGraphStore = create<GraphState>()(
  temporal(
    (set, get) => ({
      graphName: null,
      doc: null,
      savedDoc: null,
      hash: null,
      loadProblems: [],
      loadText: "",
      nodes: [],
      edges: [],
      flowDoc: null,
      onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
      onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
    }),
    {
      partialize: (state) => ({ doc: state.doc }),
      equality: (past, current) => past.doc === current.doc,
      limit: 500,
    },
  ),
);

export const graphHistory = () => useGraphStore.temporal.getState();

let lastCoalesceKey: string | undefined;
let lastCommitAt = 0;
const COALESCE_MS = 1200;

export interface CommitOptions {
  /** false: the change replaces the current state without an undo step. */
  history: boolean;
  /** Consecutive commits with the same key (typing in one field) form one undo step. */
  coalesceKey?: string;
  select?: Selection;
}

/** The one way a command changes the document. */
export function commitDoc(doc: GraphDoc, options: CommitOptions): void {
  const state = useGraphStore.getState();
  if (!state.doc || doc === state.doc) {
    if (options.select) selectOnly(options.select);
    return;
  }
  const now = Date.now();
  const coalesce = options.coalesceKey !== undefined && options.coalesceKey === lastCoalesceKey && now - lastCommitAt < COALESCE_MS;
  const track = options.history && !coalesce;
  lastCoalesceKey = options.history ? options.coalesceKey : undefined;
  lastCommitAt = now;
  withHistory(track, () => useGraphStore.setState({ doc, ...flowFromDoc(doc, state.nodes, state.edges, options.select) }));
}

/** Opens a document fresh: no undo history, nothing selected, saved state = this document. */
export function loadDoc(graphName: string, doc: GraphDoc | null, hash: string | null, loadProblems: Problem[] = [], loadText = ""): void {
  withHistory(false, () =>
    useGraphStore.setState({
      graphName,
      doc,
      savedDoc: doc,
      hash,
      loadProblems,
      loadText,
      ...(doc ? flowFromDoc(doc, [], [], { nodes: [], edges: [] }) : { nodes: [], edges: [], flowDoc: null }),
    }),
  );
  graphHistory().clear();
  lastCoalesceKey = undefined;
}

export function closeDoc(): void {
  withHistory(false, () =>
    useGraphStore.setState({ graphName: null, doc: null, savedDoc: null, hash: null, loadProblems: [], loadText: "", nodes: [], edges: [], flowDoc: null }),
  );
  graphHistory().clear();
}

/** A saved document becomes the clean state; edits made while saving stay dirty. */
export function markSaved(doc: GraphDoc, hash: string): void {
  useGraphStore.setState({ savedDoc: doc, hash });
}

export function selectOnly(selection: Selection): void {
  const nodeIds = new Set(selection.nodes ?? []);
  const edgeIds = new Set(selection.edges ?? []);
  const { nodes, edges } = useGraphStore.getState();
  useGraphStore.setState({
    nodes: nodes.map((node) => (!!node.selected === nodeIds.has(node.id) ? node : { ...node, selected: nodeIds.has(node.id) })),
    edges: edges.map((edge) => (!!edge.selected === edgeIds.has(edge.id) ? edge : { ...edge, selected: edgeIds.has(edge.id) })),
  });
}

function withHistory(track: boolean, change: () => void): void {
  const history = graphHistory();
  if (track) return change();
  const wasTracking = history.isTracking;
  history.pause();
  try {
    change();
  } finally {
    if (wasTracking) graphHistory().resume();
  }
}

/** The flow view rebuilt from the document (keeping the selection by id), when the document changed without it. */
function rebuildFlow(): void {
  const state = useGraphStore.getState();
  if (state.doc === state.flowDoc || !state.doc) return;
  withHistory(false, () => useGraphStore.setState(flowFromDoc(state.doc!, state.nodes, state.edges)));
}

/** One step back or forward in the document's history; history restores only `doc`, so the flow view follows it here. */
export function stepHistory(direction: "undo" | "redo"): void {
  lastCoalesceKey = undefined;
  if (direction === "undo") graphHistory().undo();
  else graphHistory().redo();
  rebuildFlow();
}

/** A document put aside, with its undo history, while a subgraph of it is open (see commands/subgraph/subgraph-navigation.ts). */
export interface ParkedDoc {
  graphName: string;
  doc: GraphDoc;
  savedDoc: GraphDoc | null;
  hash: string | null;
  past: { doc: GraphDoc | null }[];
  future: { doc: GraphDoc | null }[];
}

/** The open document and its history, to be brought back by `unparkDoc` (null when no document is open). */
export function parkDoc(): ParkedDoc | null {
  const { graphName, doc, savedDoc, hash } = useGraphStore.getState();
  if (!graphName || !doc) return null;
  const { pastStates, futureStates } = graphHistory();
  return { graphName, doc, savedDoc, hash, past: pastStates as ParkedDoc["past"], future: futureStates as ParkedDoc["future"] };
}

/** Opens a parked document again where it was left: its edits, its saved state and its undo history. */
export function unparkDoc(parked: ParkedDoc): void {
  loadDoc(parked.graphName, parked.doc, parked.hash);
  withHistory(false, () => useGraphStore.setState({ savedDoc: parked.savedDoc }));
  useGraphStore.temporal.setState({ pastStates: parked.past, futureStates: parked.future });
}
