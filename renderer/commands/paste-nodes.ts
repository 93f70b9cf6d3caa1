import type { GraphEdge, GraphNode } from "../../shared/graph-doc";
import type { GraphClip } from "./clipboard";
import { docCommand } from "./command";
import { freeEdgeId, freeNodeId } from "./node-ids";

export interface PasteInput {
  clip: GraphClip;
  offset: { x: number; y: number };
}

/**
 * Inserts copied nodes under fresh ids, keeping the edges among them (and to END), shifted by
 * `offset`, and selects the copies. Enters history.
 */
export const pasteNodes = docCommand<PasteInput>({
  title: "Paste",
  entersHistory: true,
  apply(doc, { clip, offset }) {
    if (clip.nodes.length === 0) return { doc };
    const newIds = new Map<string, string>();
    const taken = new Set<string>();
    for (const node of clip.nodes) {
      const id = freeNodeId(doc, node.id, taken);
      taken.add(id);
      newIds.set(node.id, id);
    }
    const nodes = clip.nodes.map(
      (node) =>
        ({
          ...structuredClone(node),
          id: newIds.get(node.id)!,
          position: { x: Math.round(node.position.x + offset.x), y: Math.round(node.position.y + offset.y) },
        }) as GraphNode,
    );
    const takenEdges = new Set<string>();
    const edges: GraphEdge[] = clip.edges
      .filter((edge) => newIds.has(edge.source) && (newIds.has(edge.target) || edge.target === "__end__"))
      .map((edge) => {
        const source = newIds.get(edge.source)!;
        const target = newIds.get(edge.target) ?? edge.target;
        const id = freeEdgeId(doc, source, target, takenEdges);
        takenEdges.add(id);
        return { ...structuredClone(edge), id, source, target };
      });
    return {
      doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
      select: { nodes: nodes.map((node) => node.id), edges: edges.map((edge) => edge.id) },
    };
  },
});
