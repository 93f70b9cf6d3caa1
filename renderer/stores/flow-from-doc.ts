import type { Edge, Node } from "@xyflow/react";
import { describeCondition } from "../../shared/conditions";
import { END, START, type GraphDoc, type GraphEdge, type GraphNode } from "../../shared/graph-doc";
import { rulesBySource } from "../commands/rules";

/** `fork`: how many unconditional edges leave the node (two or more run in parallel), absent below two. */
export type GraphNodeData = { node: GraphNode; fork?: number };
export type TerminalData = { terminal: "start" | "end" };
export type KindNode = Node<GraphNodeData, GraphNode["kind"]>;
export type TerminalNode = Node<TerminalData, "start" | "end">;
export type FlowNode = KindNode | TerminalNode;

export type RuleEdgeData = { edge: GraphEdge | null; label?: string; rank?: number };
export type FlowEdge = Edge<RuleEdgeData, "rule">;

export interface Selection {
  nodes?: string[];
  edges?: string[];
}

/** Node box sizes the canvas CSS draws; layout and terminal placement use them too. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
export const TERMINAL_WIDTH = 96;
export const TERMINAL_HEIGHT = 34;
export const START_EDGE_ID = `${START}->entry`;

/**
 * The React Flow view of a document. Objects of unchanged nodes and edges are reused, so
 * memoised node components re-render only when their own node changed.
 */
export function flowFromDoc(doc: GraphDoc, previousNodes: FlowNode[], previousEdges: FlowEdge[], selection?: Selection) {
  const prevNodes = new Map(previousNodes.map((node) => [node.id, node]));
  const prevEdges = new Map(previousEdges.map((edge) => [edge.id, edge]));
  const selectedNode = (id: string) => (selection ? (selection.nodes ?? []).includes(id) : !!prevNodes.get(id)?.selected);
  const selectedEdge = (id: string) => (selection ? (selection.edges ?? []).includes(id) : !!prevEdges.get(id)?.selected);

  const forks = forkCounts(doc);
  const nodes: FlowNode[] = doc.nodes.map((graphNode) => kindNode(graphNode, forks.get(graphNode.id), prevNodes.get(graphNode.id), selectedNode(graphNode.id)));
  nodes.push(...terminals(doc, prevNodes));

  const ids = new Set(doc.nodes.map((node) => node.id));
  const edges: FlowEdge[] = [];
  if (ids.has(doc.entry)) edges.push(reuseEdge(prevEdges.get(START_EDGE_ID), startEdge(doc.entry), selectedEdge(START_EDGE_ID)));
  const ranks = ruleRanks(doc);
  for (const edge of doc.edges) {
    if (!ids.has(edge.source) || (!ids.has(edge.target) && edge.target !== END)) continue;
    const label = edge.when ? describeCondition(edge.when) : undefined;
    const ariaLabel = `Edge ${edge.source} to ${edge.target === END ? "END" : edge.target}${label ? `: ${label}` : ""}`;
    const next: FlowEdge = { id: edge.id, source: edge.source, target: edge.target, type: "rule", ariaLabel, data: { edge, label, rank: ranks.get(edge.id) } };
    edges.push(reuseEdge(prevEdges.get(edge.id), next, selectedEdge(edge.id)));
  }
  return { nodes, edges, flowDoc: doc };
}

/** Nodes with two or more unconditional out-edges: LangGraph runs those branches in parallel. */
export function forkCounts(doc: GraphDoc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edge of doc.edges) if (!edge.when) counts.set(edge.source, (counts.get(edge.source) ?? 0) + 1);
  for (const [id, count] of counts) if (count < 2) counts.delete(id);
  return counts;
}

function kindNode(graphNode: GraphNode, fork: number | undefined, previous: FlowNode | undefined, selected: boolean): KindNode {
  const prev = previous as KindNode | undefined;
  if (prev && prev.data.node === graphNode && prev.data.fork === fork && !!prev.selected === selected && !prev.dragging) return prev;
  return {
    id: graphNode.id,
    type: graphNode.kind,
    position: graphNode.position,
    data: fork ? { node: graphNode, fork } : { node: graphNode },
    ariaLabel: `Node ${graphNode.id}`,
    selected,
    measured: prev?.measured,
    width: prev?.width,
    height: prev?.height,
  };
}

/** START sits above the whole graph over its entry node; END below the whole graph, under the nodes that end. */
function terminals(doc: GraphDoc, prevNodes: Map<string, FlowNode>): TerminalNode[] {
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  const entry = byId.get(doc.entry);
  const ys = doc.nodes.map((node) => node.position.y);
  const top = ys.length ? Math.min(...ys) : 0;
  const bottom = ys.length ? Math.max(...ys) : 0;
  const enders = doc.edges.filter((edge) => edge.target === END).map((edge) => byId.get(edge.source)).filter((node): node is GraphNode => !!node);
  const under = enders.length ? enders : doc.nodes;
  const endX = under.length ? under.reduce((sum, node) => sum + node.position.x, 0) / under.length : 0;
  const center = (x: number) => Math.round(x + (NODE_WIDTH - TERMINAL_WIDTH) / 2);
  return [
    terminal(START, "start", { x: center(entry?.position.x ?? 0), y: top - 110 }, prevNodes.get(START)),
    terminal(END, "end", { x: center(endX), y: bottom + (doc.nodes.length ? NODE_HEIGHT + 70 : 120) }, prevNodes.get(END)),
  ];
}

function terminal(id: string, kind: "start" | "end", position: { x: number; y: number }, previous: FlowNode | undefined): TerminalNode {
  const prev = previous as TerminalNode | undefined;
  if (prev && prev.position.x === position.x && prev.position.y === position.y) return prev;
  return {
    id,
    type: kind,
    position,
    data: { terminal: kind },
    ariaLabel: kind === "start" ? "START" : "END",
    draggable: false,
    selectable: false,
    deletable: false,
    measured: prev?.measured,
  };
}

function startEdge(entry: string): FlowEdge {
  return { id: START_EDGE_ID, source: START, target: entry, type: "rule", deletable: false, ariaLabel: `Edge START to ${entry}`, data: { edge: null } };
}

function reuseEdge(previous: FlowEdge | undefined, next: FlowEdge, selected: boolean): FlowEdge {
  if (
    previous &&
    previous.data?.edge === next.data?.edge &&
    previous.target === next.target &&
    previous.data?.rank === next.data?.rank &&
    !!previous.selected === selected
  ) {
    return previous;
  }
  return { ...next, selected };
}

/** 1-based position of each conditional edge among its source's rules (only where there are several). */
function ruleRanks(doc: GraphDoc): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const rules of rulesBySource(doc).values()) {
    if (rules.length > 1) rules.forEach((edge, i) => ranks.set(edge.id, i + 1));
  }
  return ranks;
}
