import type { GraphDoc, GraphEdge, GraphNode } from "../../shared/graph-doc";

/** What copy puts on the clipboard: some nodes and the edges among them. */
export interface GraphClip {
  kind: "switchyard/nodes";
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function clipOf(doc: GraphDoc, nodeIds: string[]): GraphClip | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((edge) => ids.has(edge.source) && (ids.has(edge.target) || edge.target === "__end__"));
  return { kind: "switchyard/nodes", nodes, edges };
}

export function parseClip(text: string): GraphClip | null {
  try {
    const value = JSON.parse(text) as GraphClip;
    return value?.kind === "switchyard/nodes" && Array.isArray(value.nodes) && Array.isArray(value.edges) ? value : null;
  } catch {
    return null;
  }
}

let lastClip: GraphClip | null = null;

/** The app's own clipboard; the system clipboard gets a copy of the same JSON when the browser allows it. */
export const appClipboard = {
  get: () => lastClip,
  set: (clip: GraphClip) => {
    lastClip = clip;
  },
};
