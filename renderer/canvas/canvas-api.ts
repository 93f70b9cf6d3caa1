import type { ReactFlowInstance } from "@xyflow/react";
import type { FlowEdge, FlowNode } from "../stores/flow-from-doc";

/** The mounted canvas's viewport functions, for commands run from menus and shortcuts. */
let instance: ReactFlowInstance<FlowNode, FlowEdge> | null = null;

export const canvasApi = {
  attach(next: ReactFlowInstance<FlowNode, FlowEdge> | null) {
    instance = next;
  },
  fitView() {
    void instance?.fitView({ padding: 0.2, duration: 250 });
  },
  zoomIn() {
    void instance?.zoomIn({ duration: 150 });
  },
  zoomOut() {
    void instance?.zoomOut({ duration: 150 });
  },
  /** The flow coordinates at the middle of the visible canvas (where quick-add puts a node). */
  center(): { x: number; y: number } {
    const element = document.querySelector(".react-flow");
    if (!instance || !element) return { x: 0, y: 0 };
    const rect = element.getBoundingClientRect();
    return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  },
  /** Brings a node into view without changing the zoom much. */
  focusNode(id: string) {
    const node = instance?.getNode(id);
    if (!instance || !node) return;
    const width = node.measured?.width ?? 220;
    const height = node.measured?.height ?? 64;
    void instance.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(instance.getZoom(), 0.8), duration: 250 });
  },
  screenToFlow(point: { x: number; y: number }) {
    return instance ? instance.screenToFlowPosition(point) : point;
  },
};
