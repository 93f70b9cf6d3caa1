import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { END, START, type GraphDoc, type StateField } from "../../shared/graph-doc";
import type { DrawnGraph } from "../commands/code-graph/drawable-graph";
import { drawnBreakpointsOf, useDrawnBreakpoints, type DrawnBreakpoint } from "./drawn-breakpoints-store";
import { useGraphStore } from "./graph-store";
import { isEditable, useOpenGraph, type OpenGraph } from "./open-graph-store";

/**
 * Everything the debugger's questions about the open graph are answered from, whatever its
 * source: the document of a workspace graph (null for code and remote graphs), or LangGraph's
 * drawing, the state schema the server gave and the breakpoints set in this window. The
 * functions below compute each answer from it; nothing is copied into a document of its own.
 */
export interface OpenGraphView {
  graph: OpenGraph | null;
  doc: GraphDoc | null;
  drawn: DrawnGraph;
  schemaFields: Record<string, StateField> | null;
  drawnBreakpoints: Readonly<Record<string, DrawnBreakpoint>>;
}

/**
 * One node as the debugger knows it. `id` is LangGraph's name for it (tasks, interrupt_before,
 * as_node); `path` is [top-level id, ..., own name], so a subgraph's inner nodes (`inner`, as
 * LangGraph's xray draws them) are reached by the same shape when the debugger drills in.
 */
export interface DebugNode {
  id: string;
  path: string[];
  inner: DebugNode[];
  /** The workspace graph a document's subgraph node runs. */
  subgraph?: string;
  /**
   * Who says whether a person answers it: the document (a `human` node, its ask tool), or, for a
   * graph defined elsewhere, the thread (an interrupt() payload, an AskHuman-style call: pausedNodeInfo).
   */
  asks: { by: "document"; human: boolean; askTool?: string } | { by: "thread" };
}

export interface DebugEdge {
  source: string;
  target: string;
}

/** The open graph from the stores, now (commands). Components use useOpenGraphView. */
export function openGraphView(): OpenGraphView {
  const open = useOpenGraph.getState();
  return viewOf(open.graph, useGraphStore.getState().doc, open.drawn, open.schemaFields, drawnBreakpointsOf(useDrawnBreakpoints.getState(), open.graph));
}

/** The open graph for a component: re-renders when any of its parts changes. */
export function useOpenGraphView(): OpenGraphView {
  const doc = useGraphStore((state) => state.doc);
  const { graph, drawn, schemaFields } = useOpenGraph(useShallow((state) => ({ graph: state.graph, drawn: state.drawn, schemaFields: state.schemaFields })));
  const drawnBreakpoints = useDrawnBreakpoints((state) => drawnBreakpointsOf(state, graph));
  return useMemo(() => viewOf(graph, doc, drawn, schemaFields, drawnBreakpoints), [graph, doc, drawn, schemaFields, drawnBreakpoints]);
}

function viewOf(graph: OpenGraph | null, doc: GraphDoc | null, drawn: DrawnGraph, schemaFields: Record<string, StateField> | null, drawnBreakpoints: Readonly<Record<string, DrawnBreakpoint>>): OpenGraphView {
  // A document belongs to a workspace graph only.
  return { graph, doc: isEditable(graph) ? doc : null, drawn, schemaFields, drawnBreakpoints };
}

/** A workspace graph with its document, or a graph defined elsewhere (drawn, or saying why it cannot be). */
export function isGraphShown(view: Pick<OpenGraphView, "graph" | "doc">): boolean {
  return !!view.doc || (!!view.graph && !isEditable(view.graph));
}

/** Whether the canvas shows a graph (a broken workspace file shows its text instead). */
export function useIsGraphShown(): boolean {
  // Both hooks on every render (a short-circuit would change the hook order).
  const hasDoc = useGraphStore((state) => !!state.doc);
  const drawn = useOpenGraph((state) => !isEditable(state.graph));
  return hasDoc || drawn;
}

const fromDocs = new WeakMap<GraphDoc, DebugNode[]>();
const fromDrawings = new WeakMap<DrawnGraph, DebugNode[]>();

/** The graph's runnable top-level nodes, in the document's or the drawing's order (the same array while nothing changed). */
export function debugNodesOf(view: Pick<OpenGraphView, "doc" | "drawn">): DebugNode[] {
  if (view.doc) return cached(fromDocs, view.doc, debugNodesOfDoc);
  return cached(fromDrawings, view.drawn, debugNodesOfDrawing);
}

/** The top-level node ids, as LangGraph names them. */
export const debugNodeIdsOf = (view: Pick<OpenGraphView, "doc" | "drawn">): string[] => debugNodesOf(view).map((node) => node.id);

function debugNodesOfDoc(doc: GraphDoc): DebugNode[] {
  return doc.nodes.map((node) => ({
    id: node.id,
    path: [node.id],
    inner: [],
    ...(node.kind === "subgraph" && node.config.graph ? { subgraph: node.config.graph } : {}),
    asks: { by: "document", human: node.kind === "human", ...(node.kind === "human" && node.config.askTool ? { askTool: node.config.askTool } : {}) },
  }));
}

function debugNodesOfDrawing(drawn: DrawnGraph): DebugNode[] {
  const runnable = drawn.nodes.filter((node) => node.role === "node" || node.role === "group");
  const nodeAt = (id: string): DebugNode => ({
    id,
    path: id.split(":"),
    inner: runnable.filter((node) => node.parent === id).map((node) => nodeAt(node.id)),
    asks: { by: "thread" },
  });
  return runnable.filter((node) => !node.parent && node.id !== START && node.id !== END).map((node) => nodeAt(node.id));
}

/** The edges between top-level nodes (START and END included), each once. */
export function debugEdgesOf(view: Pick<OpenGraphView, "doc" | "drawn">): DebugEdge[] {
  if (view.doc) return view.doc.edges.map(({ source, target }) => ({ source, target }));
  const seen = new Set<string>();
  const edges: DebugEdge[] = [];
  for (const { runSource: source, runTarget: target } of view.drawn.edges) {
    if (source === target || seen.has(`${source}>${target}`)) continue;
    seen.add(`${source}>${target}`);
    edges.push({ source, target });
  }
  return edges;
}

/** Until the server says the state's schema, a drawn graph is taken for a chat (LangGraph's MessagesAnnotation). */
const CHAT_FIELDS: Record<string, StateField> = { messages: { type: "messages", reducer: "messages" } };
const NO_FIELDS: Record<string, StateField> = {};

/** The state's fields with their types: the document's, or the server's schema for a graph defined elsewhere. */
export function stateFieldsOf(view: Pick<OpenGraphView, "graph" | "doc" | "schemaFields">): Record<string, StateField> {
  if (view.doc) return view.doc.state.fields;
  if (!view.graph || isEditable(view.graph) || view.graph.error) return NO_FIELDS;
  return view.schemaFields ?? CHAT_FIELDS;
}

/** The field that holds the conversation, if the state has one. */
export function messagesFieldOfView(view: Pick<OpenGraphView, "graph" | "doc" | "schemaFields">): string | undefined {
  return Object.entries(stateFieldsOf(view)).find(([, field]) => field.type === "messages")?.[0];
}

const docBreakpoints = new WeakMap<GraphDoc, Record<string, DrawnBreakpoint>>();

/** Pause before / after, per node: the document's node.breakpoint, or the ones set in this window on a graph without one. */
export function breakpointsOf(view: Pick<OpenGraphView, "doc" | "drawnBreakpoints">): Readonly<Record<string, DrawnBreakpoint>> {
  if (!view.doc) return view.drawnBreakpoints;
  return cached(docBreakpoints, view.doc, (doc) => {
    const entries = doc.nodes.filter((node) => node.breakpoint?.before || node.breakpoint?.after).map((node) => [node.id, { ...(node.breakpoint?.before ? { before: true } : {}), ...(node.breakpoint?.after ? { after: true } : {}) }] as const);
    return Object.fromEntries(entries);
  });
}

/** The top-level nodes selected on the canvas (the drawing's selection for a graph without a document). */
export function selectedDebugNodeIds(): string[] {
  if (isEditable(useOpenGraph.getState().graph)) {
    return useGraphStore.getState().nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end").map((node) => node.id);
  }
  const tops = useOpenGraph.getState().drawing.nodes.filter((node) => node.selected && node.data.item.role !== "start" && node.data.item.role !== "end" && !node.data.item.parent);
  return tops.map((node) => node.data.item.top);
}

/** The top-level node selected, for the inspector (one selection is the node; several are none). */
export function useSelectedDebugNode(): string | null {
  const editable = useOpenGraph((state) => isEditable(state.graph));
  const inDoc = useGraphStore((state) => (editable ? (state.nodes.find((node) => node.selected && node.type !== "start" && node.type !== "end")?.id ?? null) : null));
  const inDrawing = useOpenGraph((state) => (editable ? null : (state.drawing.nodes.find((node) => node.selected && !node.data.item.parent && node.data.item.role !== "start" && node.data.item.role !== "end")?.data.item.top ?? null)));
  return editable ? inDoc : inDrawing;
}

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = compute(key);
  cache.set(key, value);
  return value;
}
