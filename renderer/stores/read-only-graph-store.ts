import { applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { ReadOnlyEdge, ReadOnlyNode } from "../commands/code-graph/drawable-graph";
import { useGraphStore } from "./graph-store";

/** Where a read-only graph comes from: a code project served by Switchyard, or a remote deployment. */
export interface ReadOnlyView {
  source: "code" | "remote";
  /** The graph id (the graph store's `graphName`, the debugger's assistant). */
  graphName: string;
  assistantId: string;
  /** Code graphs: the module as langgraph.json names it, e.g. "src/agent.ts". */
  file?: string;
  /** Remote graphs: the deployment's URL. */
  deploymentUrl?: string;
  /** Why the graph cannot be drawn (a module that fails to load, an unreachable server). */
  error?: string;
}

export type ReadOnlyNodeData = { item: ReadOnlyNode; terminal?: "start" | "end" };
export type ReadOnlyFlowNode = Node<ReadOnlyNodeData, "codeNode" | "codeGroup" | "start" | "end">;
/** `points`: elk's route (absolute), drawn as is; without it the edge is a curve between the handles. */
export type ReadOnlyFlowEdge = Edge<{ item: ReadOnlyEdge; points?: { x: number; y: number }[] }, "codeEdge">;

export interface ReadOnlyGraphState {
  view: ReadOnlyView | null;
  nodes: ReadOnlyFlowNode[];
  edges: ReadOnlyFlowEdge[];
  loading: boolean;
  /** Grows with every redraw (a reload of the code): the canvas fits the view again. */
  drawing: number;
  onNodesChange: (changes: NodeChange<ReadOnlyFlowNode>[]) => void;
}

/** The open read-only graph's drawing; its debugger document lives in the graph store as for any graph. */
export const useReadOnlyGraph = create<ReadOnlyGraphState>()((set, get) => ({
  view: null,
  nodes: [],
  edges: [],
  loading: false,
  drawing: 0,
  onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
}));

export const isReadOnlyGraph = () => !!useReadOnlyGraph.getState().view;

// A read-only graph's document changes only by breakpoints, which live in memory: never "unsaved",
// so neither autosave nor Run writes it to the workspace.
useGraphStore.subscribe((state) => {
  if (isReadOnlyGraph() && state.doc !== state.savedDoc) useGraphStore.setState({ savedDoc: state.doc });
});
