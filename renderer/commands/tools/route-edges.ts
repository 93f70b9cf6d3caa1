import { END, type GraphDoc, type GraphEdge, type GraphNode } from "../../../shared/graph-doc";
import { nodeKinds } from "../../../shared/node-kinds";
import { docCommand } from "../command";
import { freeEdgeId, freeNodeId } from "../node-ids";
import { rulesFrom } from "../rules";

/** How an llm node's enum output field and its `field-equals` edges disagree. */
export interface RouteEdgeGap {
  field: string;
  /** Enum values no edge of the node routes on. */
  missing: string[];
  /** Edges of the node routing on a value the enum no longer has. */
  stale: GraphEdge[];
}

/** For each enum output field of the node: values without an edge, and edges whose value is gone. Empty when they agree. */
export function routeEdgeGaps(doc: GraphDoc, nodeId: string): RouteEdgeGap[] {
  const node = doc.nodes.find((item) => item.id === nodeId);
  if (node?.kind !== "llm") return [];
  const rules = rulesFrom(doc, nodeId);
  const gaps: RouteEdgeGap[] = [];
  for (const field of node.config.outputFields ?? []) {
    if (!field.enum) continue;
    const routing = rules.filter((edge) => edge.when?.type === "field-equals" && edge.when.field === field.name);
    const routed = new Set(routing.map((edge) => String((edge.when as { value: unknown }).value)));
    // A field no edge routes on is not routed (a classifier may only record it): nothing to offer.
    if (routing.length === 0) continue;
    const missing = field.enum.filter((value) => !routed.has(value));
    const stale = routing.filter((edge) => !field.enum!.includes(String((edge.when as { value: unknown }).value)));
    if (missing.length > 0 || stale.length > 0) gaps.push({ field: field.name, missing, stale });
  }
  return gaps;
}

/** A scripted llm node that answers for one route, placed in a row under its router. */
function branchNode(doc: GraphDoc, value: string, position: { x: number; y: number }, taken: Set<string>): GraphNode {
  const id = freeNodeId(doc, value, taken);
  const config = { ...nodeKinds.llm.defaults(), replies: [{ content: `(${value}) How can I help?`, toolCalls: [] }] };
  return { id, kind: "llm", position, config } as GraphNode;
}

/**
 * Adds one `field-equals` edge (to a new node) per routed value, after the node's other rules,
 * and an "otherwise" edge to END when it has none, so the router stays runnable.
 */
export function withRouteEdges(doc: GraphDoc, routerId: string, field: string, values: string[]): { doc: GraphDoc; added: string[] } {
  const router = doc.nodes.find((node) => node.id === routerId);
  if (!router || values.length === 0) return { doc, added: [] };
  const rules = rulesFrom(doc, routerId);
  const takenNodes = new Set<string>();
  const takenEdges = new Set<string>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const otherwise = rules.find((edge) => edge.when?.type === "otherwise");
  let order = rules.filter((edge) => edge !== otherwise).length;
  values.forEach((value, i) => {
    const position = { x: Math.round(router.position.x + (i - (values.length - 1) / 2) * 260), y: Math.round(router.position.y + 180) };
    const node = branchNode(doc, value, position, takenNodes);
    takenNodes.add(node.id);
    nodes.push(node);
    const id = freeEdgeId(doc, routerId, node.id, takenEdges);
    takenEdges.add(id);
    edges.push({ id, source: routerId, target: node.id, when: { type: "field-equals", field, value }, order: order++ });
  });
  // "otherwise" is tried last whatever its order; the validator wants one on every router.
  if (!otherwise) edges.push({ id: freeEdgeId(doc, routerId, END, takenEdges), source: routerId, target: END, when: { type: "otherwise" }, order });
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, added: nodes.map((node) => node.id) };
}

export interface SyncRouteEdgesInput {
  nodeId: string;
  field: string;
}

/**
 * After the enum of a router's output field was edited: adds an edge (to a new node) for each
 * value without one and removes the edges of values the enum no longer has (their target nodes
 * stay). One undo step; the selection is kept.
 */
export const syncRouteEdges = docCommand<SyncRouteEdgesInput>({
  title: "Match the router's edges to its values",
  entersHistory: true,
  apply(doc, { nodeId, field }) {
    const gap = routeEdgeGaps(doc, nodeId).find((item) => item.field === field);
    if (!gap) return { doc };
    const stale = new Set(gap.stale.map((edge) => edge.id));
    const pruned = { ...doc, edges: doc.edges.filter((edge) => !stale.has(edge.id)) };
    // The router stays selected: the person is editing its values.
    return { doc: withRouteEdges(pruned, nodeId, field, gap.missing).doc };
  },
});
