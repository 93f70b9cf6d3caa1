import { isConditionalBreakpoint } from "../../shared/breakpoints";
import type { GraphNode } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface SetBreakpointInput {
  id: string;
  side: "before" | "after";
  on: boolean;
}

/** Pauses the run before or after a node by default; turning "before" off also drops its condition. Enters history. */
export const setBreakpoint = docCommand<SetBreakpointInput>({
  title: "Toggle pause",
  entersHistory: true,
  apply(doc, { id, side, on }) {
    const index = doc.nodes.findIndex((node) => node.id === id);
    if (index < 0) return { doc };
    const node = doc.nodes[index];
    const conditional = side === "before" && isConditionalBreakpoint(node.breakpoint);
    if (!!node.breakpoint?.[side] === on && !(conditional && !on)) return { doc };
    const breakpoint = { ...node.breakpoint, [side]: on || undefined, ...(conditional && !on ? { when: undefined, hitCount: undefined } : {}) };
    const clean = Object.fromEntries(Object.entries(breakpoint).filter(([, value]) => value)) as GraphNode["breakpoint"];
    const next = { ...node, breakpoint: clean } as GraphNode;
    if (!clean || Object.keys(clean).length === 0) delete next.breakpoint;
    const nodes = doc.nodes.slice();
    nodes[index] = next;
    return { doc: { ...doc, nodes } };
  },
});
