import { applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { StateField } from "../../shared/graph-doc";
import type { DrawnEdge, DrawnGraph, DrawnNode } from "../commands/code-graph/drawable-graph";
import { workspaceServer, type LangGraphServer } from "../client/langgraph";

/**
 * Where an open graph runs, with its own server (and SDK client): this workspace's server, a
 * graph defined in code that the same server loads from a LangGraph.js project, or a remote
 * deployment. Only workspace graphs have a document to edit.
 */
export type GraphSource =
  | { kind: "workspace"; server: LangGraphServer }
  /** `file`: the module as langgraph.json names it, e.g. "src/agent.ts". */
  | { kind: "code"; server: LangGraphServer; file?: string }
  | { kind: "remote"; server: LangGraphServer; url: string };

export type DrawnNodeData = { item: DrawnNode; terminal?: "start" | "end" };
export type DrawnFlowNode = Node<DrawnNodeData, "drawnNode" | "drawnGroup" | "start" | "end">;
/** `points`: the layout's route (absolute), drawn as is; without it the edge is a curve between the handles. */
export type DrawnFlowEdge = Edge<{ item: DrawnEdge; points?: { x: number; y: number }[] }, "drawnEdge">;

/** LangGraph's own drawing of a graph (getGraph with xray), laid out: graphs without a document are drawn from it. */
export interface GraphDrawing {
  nodes: DrawnFlowNode[];
  edges: DrawnFlowEdge[];
}

/**
 * The graph on screen: its name (the assistant's graph id), where it runs, and, for graphs
 * defined elsewhere, LangGraph's drawing of it. A workspace graph's document, with its undo
 * history, is in the graph store; its drawing is derived from that document. A code or remote
 * graph has no document (the graph store's doc stays null): what the debugger knows of any open
 * graph is computed by the functions of open-graph-facts.ts.
 */
export interface OpenGraph {
  name: string;
  assistantId: string;
  source: GraphSource;
  /** Why the graph cannot be drawn (a module that fails to load, an unreachable server). */
  error?: string;
}

export interface OpenGraphState {
  graph: OpenGraph | null;
  drawing: GraphDrawing;
  /** What LangGraph drew, before layout: the debugger's nodes and edges of a graph without a document. */
  drawn: DrawnGraph;
  /** A code or remote graph's state fields, from /assistants/{id}/schemas once the server answers. */
  schemaFields: Record<string, StateField> | null;
  loading: boolean;
  /** Grows with every redraw (a reload of the code): the canvas fits the view again. */
  drawCount: number;
  /**
   * The graphs from the open graph down to the one on screen, by name: `["agent", "researcher"]`
   * while agent's subgraph node running "researcher" is open. The graph store holds the last one's
   * document; the open graph (what runs) is the first.
   */
  path: string[];
  /** The subgraph node each step was opened through: `via[i]` is the node of `path[i]` that runs `path[i + 1]`. */
  via: string[];
  onDrawingNodesChange: (changes: NodeChange<DrawnFlowNode>[]) => void;
}

export const emptyDrawing: GraphDrawing = { nodes: [], edges: [] };
export const emptyDrawn: DrawnGraph = { nodes: [], edges: [] };

export const useOpenGraph = create<OpenGraphState>()((set, get) => ({
  graph: null,
  drawing: emptyDrawing,
  drawn: emptyDrawn,
  schemaFields: null,
  loading: false,
  drawCount: 0,
  path: [],
  via: [],
  onDrawingNodesChange: (changes) => set({ drawing: { ...get().drawing, nodes: applyNodeChanges(changes, get().drawing.nodes) } }),
}));

/** Only a workspace graph has a document to edit and save. */
export const isEditable = (graph: OpenGraph | null): boolean => !graph || graph.source.kind === "workspace";
export const isEditableGraph = (): boolean => isEditable(useOpenGraph.getState().graph);

/** The server the open graph runs on (the page's own when none is open). */
export const openGraphServer = (): LangGraphServer => useOpenGraph.getState().graph?.source.server ?? workspaceServer;

/** Opens a workspace graph: it runs on the page's own server and is drawn from its document. */
export function openWorkspaceGraph(name: string): void {
  useOpenGraph.setState({ graph: { name, assistantId: name, source: { kind: "workspace", server: workspaceServer } }, drawing: emptyDrawing, drawn: emptyDrawn, schemaFields: null, loading: false, path: [name], via: [] });
}

export function closeOpenGraph(): void {
  useOpenGraph.setState({ graph: null, drawing: emptyDrawing, drawn: emptyDrawn, schemaFields: null, loading: false, path: [], via: [] });
}

/** How many subgraphs deep the graph on screen is (0: the open graph itself). */
export function subgraphDepth(state: Pick<OpenGraphState, "graph" | "path"> = useOpenGraph.getState()): number {
  return state.graph?.source.kind === "workspace" && state.path[0] === state.graph.name ? state.path.length - 1 : 0;
}

/** The graph on screen is now `graph`, opened through the subgraph node `through` of the one that was. */
export function enterSubgraph(graph: string, through: string): void {
  const state = useOpenGraph.getState();
  const depth = subgraphDepth(state);
  useOpenGraph.setState({ path: [...state.path.slice(0, depth + 1), graph], via: [...state.via.slice(0, depth), through] });
}

/** Back up the path to the graph at `depth` (0: the open graph). */
export function leaveToDepth(depth: number): void {
  const state = useOpenGraph.getState();
  if (depth < 0 || depth >= subgraphDepth(state)) return;
  useOpenGraph.setState({ path: state.path.slice(0, depth + 1), via: state.via.slice(0, depth) });
}
