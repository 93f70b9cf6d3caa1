import type { Condition } from "../../shared/conditions";
import type { GraphNode } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface SetBreakpointConditionInput {
  id: string;
  /** The rule it pauses on (null: no rule). */
  when: Condition | null;
  /** Pause on this hit only (null: every hit). */
  hitCount: number | null;
}

/**
 * The node's pause before, with a condition (a rule, a hit count, both) or none (it pauses every
 * time again). A conditional pause is the engine's interrupt(), not interrupt_before, so `before`
 * is dropped while a condition is set. Enters history.
 */
export const setBreakpointCondition = docCommand<SetBreakpointConditionInput>({
  title: "Edit breakpoint",
  entersHistory: true,
  apply(doc, { id, when, hitCount }) {
    const index = doc.nodes.findIndex((node) => node.id === id);
    if (index < 0) return { doc };
    const node = doc.nodes[index];
    const conditional = !!when || hitCount !== null;
    const breakpoint: GraphNode["breakpoint"] = {
      ...(conditional ? {} : { before: true }),
      ...(node.breakpoint?.after ? { after: true } : {}),
      ...(when ? { when } : {}),
      ...(hitCount !== null ? { hitCount } : {}),
    };
    if (sameBreakpoint(breakpoint, node.breakpoint)) return { doc };
    const next = { ...node, breakpoint } as GraphNode;
    const nodes = doc.nodes.slice();
    nodes[index] = next;
    return { doc: { ...doc, nodes } };
  },
});

function sameBreakpoint(a: GraphNode["breakpoint"], b: GraphNode["breakpoint"]): boolean {
  const sorted = (value: GraphNode["breakpoint"]) => JSON.stringify(Object.entries(value ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)));
  return sorted(a) === sorted(b);
}

/** A hit count as typed: a whole number from 1, or why not. */
export function hitCountProblem(text: string): string | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) return "a whole number from 1 (the 1st time, the 2nd, ...)";
  return null;
}
