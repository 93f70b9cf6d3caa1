import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH, TERMINAL_HEIGHT, TERMINAL_WIDTH, type FlowNode } from "../stores/flow-from-doc";

export const FIT_PADDING = 0.2;
export const FIT_MAX_ZOOM = 1.2;
export const MIN_ZOOM = 0.1;

/**
 * The viewport that fits a graph into a pane of the given size, from the document's positions
 * and the node sizes the CSS draws. Known before React Flow has measured a single node, so the
 * first frame is drawn at its final zoom (and at its level of detail) instead of being fitted
 * after a full render. Null when there is nothing to fit or the pane has no size yet.
 */
export function initialViewport(nodes: FlowNode[], pane: { width: number; height: number }): Viewport | null {
  if (nodes.length === 0 || pane.width <= 0 || pane.height <= 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const terminal = node.type === "start" || node.type === "end";
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (terminal ? TERMINAL_WIDTH : NODE_WIDTH));
    bottom = Math.max(bottom, node.position.y + (terminal ? TERMINAL_HEIGHT : NODE_HEIGHT));
  }
  return getViewportForBounds({ x: left, y: top, width: right - left, height: bottom - top }, pane.width, pane.height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
}
