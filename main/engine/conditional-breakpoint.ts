import type { RunnableConfig } from "@langchain/core/runnables";
import { interrupt } from "@langchain/langgraph";
import { conditionHolds } from "../../shared/conditions";
import type { GraphNode } from "../../shared/graph-doc";

type NodeFunction = (state: Record<string, unknown>, config: RunnableConfig) => Promise<unknown>;

/** Hits per thread and node. In memory: a server restart starts the count again. */
const hits = new Map<string, number>();

/**
 * A breakpoint with a rule or a hit count pauses before the node's work with LangGraph's own
 * `interrupt()`, so the SDK sees a real interrupt (payload `{breakpoint: node, hit}`) and
 * `Command({resume})` continues the node. Resuming re-runs the node from its start: that call is the
 * next hit, which does not pause again unless its own rule says so.
 */
export function withConditionalBreakpoint(node: GraphNode, messagesField: string, run: NodeFunction): NodeFunction {
  const breakpoint = node.breakpoint;
  if (!breakpoint?.when && breakpoint?.hitCount === undefined) return run;
  return async (state, config) => {
    if (breakpoint.when && !conditionHolds(breakpoint.when, state, messagesField)) return run(state, config);
    const key = `${String(config.configurable?.thread_id ?? "")}\u0000${node.id}`;
    const hit = (hits.get(key) ?? 0) + 1;
    hits.set(key, hit);
    const resuming = hits.get(`${key}\u0000paused`) === hit - 1;
    if (resuming) {
      // The node re-runs from its start on resume: the same hit, not a new one.
      hits.delete(`${key}\u0000paused`);
      hits.set(key, hit - 1);
      return run(state, config);
    }
    if (breakpoint.hitCount === undefined || breakpoint.hitCount === hit) {
      hits.set(`${key}\u0000paused`, hit);
      interrupt({ breakpoint: node.id, hit, ...(breakpoint.when ? { condition: breakpoint.when } : {}) });
    }
    return run(state, config);
  };
}
