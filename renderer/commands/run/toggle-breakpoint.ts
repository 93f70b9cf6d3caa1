import { breakpointsOf, openGraphView } from "../../stores/open-graph-facts";
import { setDrawnBreakpoint } from "../../stores/drawn-breakpoints-store";
import { isConditionalBreakpoint } from "../../../shared/breakpoints";
import { setBreakpoint } from "../set-breakpoint";

/**
 * Sets "pause before" or "pause after" on a node of the open graph: in a workspace graph's
 * document (saved, enters history), or, for a graph defined in code or deployed, in this
 * window's breakpoints of that graph (never saved, no history).
 */
export function setNodeBreakpoint(id: string, side: "before" | "after", on: boolean): void {
  const view = openGraphView();
  if (view.doc) return setBreakpoint.run({ id, side, on });
  if (view.graph && !view.graph.error) setDrawnBreakpoint(view.graph, id, side, on);
}

/** Toggles "pause before" or "pause after" on a node (the red dot left or right). */
export const toggleBreakpoint = {
  title: (side: "before" | "after") => (side === "before" ? "Toggle pause before" : "Toggle pause after"),
  run(id: string, side: "before" | "after"): void {
    const view = openGraphView();
    if (view.doc && !view.doc.nodes.some((node) => node.id === id)) return;
    if (!view.doc && !view.drawn.nodes.some((node) => node.top === id && !node.parent)) return;
    // A conditional breakpoint counts as "pause before" (F9 removes it with its condition).
    const conditional = side === "before" && isConditionalBreakpoint(view.doc?.nodes.find((node) => node.id === id)?.breakpoint);
    setNodeBreakpoint(id, side, !(breakpointsOf(view)[id]?.[side] || conditional));
  },
};
