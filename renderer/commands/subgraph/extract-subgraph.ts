import { END, GRAPH_DOC_VERSION, START, type GraphDoc, type GraphEdge, type GraphNode } from "../../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../../shared/graph-validate-subgraphs";
import { freeEdgeId, freeNodeId } from "../node-ids";
import { fieldsUsedBy } from "./used-fields";

/** What "New subgraph from selection" makes of a document: the parent with one subgraph node, and the new graph. */
export interface ExtractedSubgraph {
  parent: GraphDoc;
  child: GraphDoc;
  /** The subgraph node that replaced the selection in the parent. */
  nodeId: string;
}

/** A selection that cannot become a subgraph; the document is unchanged. */
export class SubgraphSelectionError extends Error {
  override name = "SubgraphSelectionError";
}

const sameRule = (a: GraphEdge, b: GraphEdge) => a.source === b.source && a.target === b.target && JSON.stringify(a.when ?? null) === JSON.stringify(b.when ?? null);

/**
 * Moves the selected nodes into a new graph `name` and puts one subgraph node running it in
 * their place. Edges into the selection go to the subgraph node; edges out of it leave from the
 * subgraph node with their rules (the rules read the state the subgraph hands back), and inside
 * the new graph the same edges end at END. The state fields the moved nodes use are copied with
 * the same type and reducer, so parent and child share them. Pure.
 */
export function extractSubgraph(doc: GraphDoc, selected: readonly string[], name: string, workspace?: WorkspaceGraphs): ExtractedSubgraph {
  const ids = new Set(selected.filter((id) => id !== START && id !== END && doc.nodes.some((node) => node.id === id)));
  if (ids.size === 0) throw new SubgraphSelectionError("select the nodes to move into the new subgraph first");
  const moved = doc.nodes.filter((node) => ids.has(node.id));
  const kept = doc.nodes.filter((node) => !ids.has(node.id));
  const internal = doc.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const incoming = doc.edges.filter((edge) => !ids.has(edge.source) && ids.has(edge.target));
  const outgoing = doc.edges.filter((edge) => ids.has(edge.source) && !ids.has(edge.target));
  const childEntry = entryOf(doc, ids, moved, internal, incoming);

  const nodeId = freeNodeId({ ...doc, nodes: kept }, name);
  const entryNode = moved.find((node) => node.id === childEntry)!;
  const joins = !!entryNode.join && incoming.length > 0;
  const subgraphNode: GraphNode = { id: nodeId, kind: "subgraph", position: centreOf(moved), config: { graph: name }, ...(joins ? { join: true } : {}) };

  const parent: GraphDoc = { ...doc, entry: ids.has(doc.entry) ? nodeId : doc.entry, nodes: [...kept, subgraphNode], edges: doc.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)) };
  for (const edge of incoming) addEdge(parent, { ...edge, target: nodeId });
  for (const edge of outgoing) addEdge(parent, { ...edge, source: nodeId });
  plainWhenOnlyOtherwise(parent, nodeId);

  const child: GraphDoc = {
    version: GRAPH_DOC_VERSION,
    name,
    description: `Made from ${[...ids].join(", ")} of "${doc.name}"`,
    entry: childEntry,
    state: { fields: Object.fromEntries(fieldsUsedBy(doc, moved, [...internal, ...incoming, ...outgoing], workspace).map((field) => [field, doc.state.fields[field]])) },
    nodes: shiftToOrigin(joins ? moved.map((node) => (node.id === childEntry ? withoutJoin(node) : node)) : moved),
    edges: [...internal],
  };
  // For-each edges out of the selection fan out in the parent, after the subgraph: inside, their source just ends.
  for (const edge of outgoing) addEdge(child, edge.when?.type === "for-each" ? { id: edge.id, source: edge.source, target: END } : { ...edge, target: END });
  return { parent, child, nodeId };
}

/** The one node the rest of the graph (or START) enters the selection at. */
function entryOf(doc: GraphDoc, ids: Set<string>, moved: GraphNode[], internal: GraphEdge[], incoming: GraphEdge[]): string {
  const entries = new Set(incoming.map((edge) => edge.target));
  if (ids.has(doc.entry)) entries.add(doc.entry);
  if (entries.size > 1) {
    throw new SubgraphSelectionError(`the selection is entered at ${[...entries].map((id) => `"${id}"`).join(" and ")}; a subgraph starts at one node: select nodes the rest of the graph enters at one node`);
  }
  const [only] = entries;
  if (only) return only;
  const targets = new Set(internal.map((edge) => edge.target));
  return (moved.find((node) => !targets.has(node.id)) ?? moved[0]).id;
}

/** Adds an edge with an id free in the document, unless the same rule between the same nodes is there already. */
function addEdge(doc: GraphDoc, edge: GraphEdge): void {
  if (doc.edges.some((existing) => sameRule(existing, edge))) return;
  doc.edges = [...doc.edges, { ...edge, id: freeEdgeId(doc, edge.source, edge.target) }];
}

/** A lone "otherwise" left on the subgraph node (its other rules went inside) is a plain edge. */
function plainWhenOnlyOtherwise(doc: GraphDoc, source: string): void {
  const out = doc.edges.filter((edge) => edge.source === source && edge.when?.type !== "for-each");
  if (out.length !== 1 || out[0].when?.type !== "otherwise") return;
  const plain: GraphEdge = { id: out[0].id, source: out[0].source, target: out[0].target };
  doc.edges = doc.edges.map((edge) => (edge === out[0] ? plain : edge));
}

function centreOf(nodes: GraphNode[]): { x: number; y: number } {
  const x = nodes.reduce((sum, node) => sum + node.position.x, 0) / nodes.length;
  const y = nodes.reduce((sum, node) => sum + node.position.y, 0) / nodes.length;
  return { x: Math.round(x), y: Math.round(y) };
}

function shiftToOrigin(nodes: GraphNode[]): GraphNode[] {
  const minX = Math.min(...nodes.map((node) => node.position.x));
  const minY = Math.min(...nodes.map((node) => node.position.y));
  return nodes.map((node) => ({ ...node, position: { x: node.position.x - minX, y: node.position.y - minY } }));
}

function withoutJoin(node: GraphNode): GraphNode {
  const next = { ...node };
  delete next.join;
  return next;
}
