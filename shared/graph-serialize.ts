import type { GraphDoc, GraphEdge, GraphNode } from "./graph-doc";

/**
 * Git-friendly text: a fixed key order for the parts people read (document, node, edge),
 * sorted keys everywhere else, nodes by id, edges by source/order/target, whole-pixel
 * positions, 2-space indent and a trailing newline. Saving a loaded file changes no byte.
 */
export function serializeGraphDoc(doc: GraphDoc): string {
  const ordered = {
    version: doc.version,
    name: doc.name,
    description: doc.description,
    entry: doc.entry,
    state: { fields: sortKeys(doc.state.fields) },
    nodes: [...doc.nodes].sort(byKey((node) => node.id)).map(orderNode),
    edges: [...doc.edges].sort(compareEdges).map(orderEdge),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderNode(node: GraphNode) {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    breakpoint: node.breakpoint ? sortKeys(node.breakpoint) : undefined,
    join: node.join,
    config: sortKeys(node.config),
  };
}

function orderEdge(edge: GraphEdge) {
  return { id: edge.id, source: edge.source, target: edge.target, order: edge.order, when: edge.when ? sortKeys(edge.when) : undefined };
}

function compareEdges(a: GraphEdge, b: GraphEdge): number {
  return compare(a.source, b.source) || (a.order ?? 0) - (b.order ?? 0) || compare(a.target, b.target) || compare(a.id, b.id);
}

function byKey<T>(key: (item: T) => string) {
  return (a: T, b: T) => compare(key(a), key(b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compare(a, b));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)])) as T;
}
