import { breakpointsOf, debugNodeIdsOf, type OpenGraphView } from "../../stores/open-graph-facts";

export interface RunBreakpoints {
  interruptBefore: string[] | "*";
  interruptAfter: string[] | "*";
}

/**
 * The open graph's breakpoints as a run's interrupt_before / interrupt_after ("pause at every
 * node" and Step are "*"). Only nodes the graph has: a breakpoint kept for a node a reload of the
 * code removed is not sent.
 */
export function runBreakpointsOf(view: Pick<OpenGraphView, "doc" | "drawn" | "drawnBreakpoints">, options: { pauseEveryNode?: boolean; step?: boolean } = {}): RunBreakpoints {
  const breakpoints = breakpointsOf(view);
  const nodes = debugNodeIdsOf(view);
  const before = nodes.filter((id) => breakpoints[id]?.before);
  const after = nodes.filter((id) => breakpoints[id]?.after);
  return { interruptBefore: options.pauseEveryNode || options.step ? "*" : before, interruptAfter: after };
}
