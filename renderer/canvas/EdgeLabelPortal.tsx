import { useStore, type ReactFlowState } from "@xyflow/react";
import type { ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * React Flow's `<EdgeLabelRenderer>`, without its cost: that one runs `querySelector` in a store
 * selector, so every label queries the DOM on every store change (each drag frame, hundreds of
 * times on a big graph). Here the label layer is looked up once per flow and remembered.
 */
const labelLayers = new WeakMap<HTMLElement, HTMLElement>();

function labelLayer(state: ReactFlowState): HTMLElement | null {
  const domNode = state.domNode;
  if (!domNode) return null;
  let layer = labelLayers.get(domNode);
  if (!layer) {
    layer = domNode.querySelector<HTMLElement>(".react-flow__edgelabel-renderer") ?? undefined;
    if (layer) labelLayers.set(domNode, layer);
  }
  return layer ?? null;
}

export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = useStore(labelLayer);
  return layer ? createPortal(children, layer) : null;
}
