import type { GraphDoc } from "../../../shared/graph-doc";

export interface RunBreakpoints {
  interruptBefore: string[] | "*";
  interruptAfter: string[] | "*";
}

/** The graph's breakpoints as a run's interrupt_before / interrupt_after; "pause at every node" is "*". */
export function breakpointsOf(doc: GraphDoc, options: { pauseEveryNode?: boolean; step?: boolean } = {}): RunBreakpoints {
  const before = doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id);
  const after = doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id);
  return { interruptBefore: options.pauseEveryNode || options.step ? "*" : before, interruptAfter: after };
}
