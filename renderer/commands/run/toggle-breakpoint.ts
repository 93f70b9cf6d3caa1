import { isConditionalBreakpoint } from "../../../shared/breakpoints";
import { useGraphStore } from "../../stores/graph-store";
import { setBreakpoint } from "../set-breakpoint";

/** Toggles "pause before" or "pause after" on a node (the red dot left or right). Enters history. */
export const toggleBreakpoint = {
  title: (side: "before" | "after") => (side === "before" ? "Toggle pause before" : "Toggle pause after"),
  run(id: string, side: "before" | "after"): void {
    const node = useGraphStore.getState().doc?.nodes.find((candidate) => candidate.id === id);
    if (!node) return;
    const on = !!node.breakpoint?.[side] || (side === "before" && isConditionalBreakpoint(node.breakpoint));
    setBreakpoint.run({ id, side, on: !on });
  },
};

/** The nodes a shortcut acts on: the selected ones. */
export function selectedNodeIds(): string[] {
  return useGraphStore.getState().nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end").map((node) => node.id);
}
