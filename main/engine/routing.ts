import type { GraphEdge } from "../../shared/graph-doc";
import { END } from "@langchain/langgraph";
import { END as DOC_END } from "../../shared/graph-doc";
import { conditionHolds, isForEach } from "../../shared/conditions";

/** Conditional edges of one source (rules, not for-each), tried by ascending order with "otherwise" last. */
export function routerFor(edges: GraphEdge[], messagesField: string) {
  const ordered = [...edges].sort((a, b) => rank(a) - rank(b));
  return (state: Record<string, unknown>): string => {
    const chosen = ordered.find((edge) => edge.when && !isForEach(edge.when) && conditionHolds(edge.when, state, messagesField));
    return targetOf(chosen?.target ?? DOC_END);
  };
}

export function pathMapOf(edges: GraphEdge[]): string[] {
  return [...new Set(edges.map((edge) => targetOf(edge.target)))];
}

export function targetOf(target: string): string {
  return target === DOC_END ? END : target;
}

function rank(edge: GraphEdge): number {
  return edge.when?.type === "otherwise" ? Number.MAX_SAFE_INTEGER : (edge.order ?? 0);
}
