import { createContext, useContext, useLayoutEffect, useState, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";

/**
 * React Flow's `<EdgeLabelRenderer>`, without its cost: that one subscribes every label to the
 * flow's store and runs `querySelector` in the selector, so on each drag frame every label of a
 * big graph queries the DOM. Here the canvas finds its label layer once per flow and hands it
 * down through context: a label costs nothing while nodes move.
 */
const LabelLayer = createContext<HTMLElement | null>(null);

export const EdgeLabelLayerProvider = LabelLayer.Provider;

/** The label layer of the flow inside `frame`, looked up again when `flowKey` (the mounted flow) changes. */
export function useEdgeLabelLayer(frame: RefObject<HTMLElement | null>, flowKey: unknown): HTMLElement | null {
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    setLayer(frame.current?.querySelector<HTMLElement>(".react-flow__edgelabel-renderer") ?? null);
  }, [frame, flowKey]);
  return layer;
}

export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = useContext(LabelLayer);
  return layer ? createPortal(children, layer) : null;
}
