import { create } from "zustand";
import type { OpenGraph } from "./open-graph-store";

/** Pause before / after one node of a graph without a document. */
export interface DrawnBreakpoint {
  before?: boolean;
  after?: boolean;
}

/**
 * Breakpoints set in this window on graphs defined in code or deployed: not a document, never
 * saved, never in undo history. Kept per open graph (source and assistant), so switching to
 * another graph and back, or a reload of the code, keeps them. A workspace graph's breakpoints
 * are in its document (node.breakpoint).
 */
export interface DrawnBreakpointsState {
  byGraph: Readonly<Record<string, Readonly<Record<string, DrawnBreakpoint>>>>;
}

export const useDrawnBreakpoints = create<DrawnBreakpointsState>()(() => ({ byGraph: {} }));

export const noDrawnBreakpoints: Readonly<Record<string, DrawnBreakpoint>> = Object.freeze({});

/** "agent" in this workspace's code and "agent" on a deployment are two graphs with their own breakpoints. */
export function openGraphKey(graph: OpenGraph): string {
  const { source } = graph;
  return `${source.kind}:${source.kind === "remote" ? source.url : ""}:${graph.assistantId}`;
}

export function drawnBreakpointsOf(state: DrawnBreakpointsState, graph: OpenGraph | null): Readonly<Record<string, DrawnBreakpoint>> {
  return graph ? (state.byGraph[openGraphKey(graph)] ?? noDrawnBreakpoints) : noDrawnBreakpoints;
}

/** Sets or clears one side of a node's breakpoint on a graph without a document. */
export function setDrawnBreakpoint(graph: OpenGraph, node: string, side: "before" | "after", on: boolean): void {
  const key = openGraphKey(graph);
  useDrawnBreakpoints.setState((state) => {
    const graphBreakpoints = { ...(state.byGraph[key] ?? {}) };
    const next = { ...graphBreakpoints[node], [side]: on || undefined };
    if (!next.before && !next.after) delete graphBreakpoints[node];
    else graphBreakpoints[node] = Object.fromEntries(Object.entries(next).filter(([, value]) => value)) as DrawnBreakpoint;
    return { byGraph: { ...state.byGraph, [key]: graphBreakpoints } };
  });
}
