import { defaultsOf } from "./node-defaults";
import { docCommand } from "./command";
import type { GraphDoc } from "../../shared/graph-doc";

export interface DeleteInput {
  nodes: string[];
  edges: string[];
}

/** Deletes nodes (with their edges) and edges. Enters history. */
export const deleteElements = docCommand<DeleteInput>({
  title: "Delete",
  entersHistory: true,
  apply(doc, { nodes, edges }) {
    const nodeIds = new Set(nodes);
    const edgeIds = new Set(edges);
    if (!doc.nodes.some((node) => nodeIds.has(node.id)) && !doc.edges.some((edge) => edgeIds.has(edge.id))) return { doc };
    return {
      doc: {
        ...doc,
        nodes: doc.nodes.filter((node) => !nodeIds.has(node.id)),
        edges: doc.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target)),
      },
      select: { nodes: [], edges: [] },
    };
  },
});

/** Nodes whose configuration someone has written (not just the kind's defaults): deleting them loses work. */
export function nodesWithWork(doc: GraphDoc, ids: string[]): string[] {
  const wanted = new Set(ids);
  return doc.nodes
    .filter((node) => wanted.has(node.id))
    .filter((node) => JSON.stringify(node.config) !== JSON.stringify(defaultsOf(node.kind)))
    .map((node) => node.id);
}
