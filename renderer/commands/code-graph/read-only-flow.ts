import type { ReadOnlyFlowEdge, ReadOnlyFlowNode } from "../../stores/read-only-graph-store";
import type { ReadOnlyGraph } from "./drawable-graph";
import type { ReadOnlyLayout } from "./layout-read-only";

/** React Flow nodes and edges of a laid-out read-only graph: nothing draggable, connectable or deletable. */
export function readOnlyFlowOf(graph: ReadOnlyGraph, { boxes, routes }: ReadOnlyLayout): { nodes: ReadOnlyFlowNode[]; edges: ReadOnlyFlowEdge[] } {
  const nodes: ReadOnlyFlowNode[] = graph.nodes.map((item) => {
    const box = boxes[item.id] ?? { x: 0, y: 0, width: 180, height: 44 };
    const type = item.role === "group" ? "codeGroup" : item.role === "node" ? "codeNode" : item.role;
    return {
      id: item.id,
      type,
      position: { x: box.x, y: box.y },
      data: { item, ...(item.role === "start" || item.role === "end" ? { terminal: item.role } : {}) },
      ...(item.parent ? { parentId: item.parent, extent: "parent" as const } : {}),
      ...(item.role === "group" ? { style: { width: box.width, height: box.height }, width: box.width, height: box.height } : {}),
      ariaLabel: item.role === "group" ? `Subgraph ${item.id}` : item.role === "node" ? `Node ${item.id}` : item.label,
      draggable: false,
      connectable: false,
      deletable: false,
      selectable: item.role === "node" || item.role === "group",
    };
  });
  const edges: ReadOnlyFlowEdge[] = graph.edges.map((item) => ({
    id: item.id,
    source: item.source,
    target: item.target,
    type: "codeEdge",
    data: { item, points: routes[item.id] },
    deletable: false,
    selectable: false,
    ariaLabel: `Edge ${item.source} to ${item.target}${item.conditional ? " (conditional)" : ""}`,
  }));
  return { nodes, edges };
}
