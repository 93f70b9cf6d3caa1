import type { DrawnFlowEdge, DrawnFlowNode } from "./open-graph-store";
import type { DrawnGraph } from "../commands/code-graph/drawable-graph";
import type { DrawingLayout } from "../canvas/layout";

/** React Flow nodes and edges of a laid-out drawing: nothing draggable, connectable or deletable. */
export function flowFromDrawing(graph: DrawnGraph, { boxes, routes }: DrawingLayout): { nodes: DrawnFlowNode[]; edges: DrawnFlowEdge[] } {
  const nodes: DrawnFlowNode[] = graph.nodes.map((item) => {
    const box = boxes[item.id] ?? { x: 0, y: 0, width: 180, height: 44 };
    const type = item.role === "group" ? "drawnGroup" : item.role === "node" ? "drawnNode" : item.role;
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
  const edges: DrawnFlowEdge[] = graph.edges.map((item) => ({
    id: item.id,
    source: item.source,
    target: item.target,
    type: "drawnEdge",
    data: { item, points: routes[item.id] },
    deletable: false,
    selectable: false,
    ariaLabel: `Edge ${item.source} to ${item.target}${item.conditional ? " (conditional)" : ""}`,
  }));
  return { nodes, edges };
}
