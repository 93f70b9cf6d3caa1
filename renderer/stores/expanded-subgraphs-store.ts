import { applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { GraphDoc, GraphNode } from "../../shared/graph-doc";
import type { RuleEdgeData } from "./flow-from-doc";

/** A node of a subgraph drawn inside its frame on the parent's canvas: read-only, positioned in the frame. */
export type InnerNodeData = { node: GraphNode; frame: string; highlighted: boolean };
export type InnerFlowNode = Node<InnerNodeData, "subgraphInner">;
export type InnerFlowEdge = Edge<RuleEdgeData, "rule">;

/** Inner ids are `frame/node`: a document's node ids never hold a slash, so they never meet the parent's. */
export const INNER_ID_SEPARATOR = "/";
export const innerId = (frame: string, id: string) => `${frame}${INNER_ID_SEPARATOR}${id}`;
export const isInnerId = (id: string) => id.includes(INNER_ID_SEPARATOR);

/** A subgraph node expanded in place: the graph drawn inside it, laid out, and what to highlight there. */
export interface ExpandedFrame {
  /** The graph the frame draws (a node that now runs another graph is drawn collapsed until laid out again). */
  graph: string;
  /** The document drawn: when the workspace's copy differs, the frame is laid out again. */
  doc: GraphDoc;
  width: number;
  height: number;
  nodes: InnerFlowNode[];
  edges: InnerFlowEdge[];
  /** Node ids of the inner graph to highlight (the debugger's live run inside it). */
  highlighted: string[];
}

/**
 * Which subgraph nodes are expanded, per graph: a view setting of this window, never in the
 * graph file or its undo history.
 */
export interface ExpandedSubgraphsState {
  /** graph name -> subgraph node id -> its frame. */
  frames: Record<string, Record<string, ExpandedFrame>>;
}

export const useExpandedSubgraphs = create<ExpandedSubgraphsState>()(() => ({ frames: {} }));

export const noFrames: Record<string, ExpandedFrame> = {};

export function framesOf(graphName: string | null): Record<string, ExpandedFrame> {
  return (graphName && useExpandedSubgraphs.getState().frames[graphName]) || noFrames;
}

export function isExpanded(graphName: string | null, nodeId: string): boolean {
  return !!framesOf(graphName)[nodeId];
}

export function setFrame(graphName: string, nodeId: string, frame: ExpandedFrame | null): void {
  const frames = { ...framesOf(graphName) };
  if (frame) frames[nodeId] = frame;
  else delete frames[nodeId];
  useExpandedSubgraphs.setState((state) => ({ frames: { ...state.frames, [graphName]: frames } }));
}

/** Highlights these nodes of an expanded subgraph (by their own ids in the inner graph); the others lose it. */
export function setFrameHighlight(graphName: string, nodeId: string, ids: readonly string[]): void {
  const frame = framesOf(graphName)[nodeId];
  if (!frame) return;
  const on = new Set(ids);
  const nodes = frame.nodes.map((node) => (node.data.highlighted === on.has(node.data.node.id) ? node : { ...node, data: { ...node.data, highlighted: on.has(node.data.node.id) } }));
  setFrame(graphName, nodeId, { ...frame, nodes, highlighted: [...ids] });
}

/** React Flow's changes to inner nodes (their measured sizes): kept on the frames so the flow sees them next render. */
export function applyInnerNodeChanges(graphName: string, changes: NodeChange[]): void {
  const current = framesOf(graphName);
  const byFrame = new Map<string, NodeChange[]>();
  for (const change of changes) {
    if (!("id" in change)) continue;
    const frame = change.id.slice(0, change.id.indexOf(INNER_ID_SEPARATOR));
    if (current[frame]) byFrame.set(frame, [...(byFrame.get(frame) ?? []), change]);
  }
  if (byFrame.size === 0) return;
  const frames = { ...current };
  for (const [frame, list] of byFrame) frames[frame] = { ...current[frame], nodes: applyNodeChanges(list as NodeChange<InnerFlowNode>[], current[frame].nodes) };
  useExpandedSubgraphs.setState((state) => ({ frames: { ...state.frames, [graphName]: frames } }));
}
