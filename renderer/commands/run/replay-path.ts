import type { ThreadState } from "@langchain/langgraph-sdk";
import { edgeKey, START_NODE, type NodeRunStatus, type RunState } from "../../stores/run-store";

/**
 * The nodes that ran on the thread's current branch, oldest first, read from /history: each
 * checkpoint made by the loop was produced by its parent's `next`; a state update by its as_node.
 */
export function ranNodes(history: ThreadState[], headId: string | undefined): string[] {
  const byId = new Map(history.map((state) => [state.checkpoint.checkpoint_id, state]));
  const path: string[][] = [];
  let current = headId ? byId.get(headId) : undefined;
  while (current) {
    const parent = current.parent_checkpoint?.checkpoint_id ? byId.get(current.parent_checkpoint.checkpoint_id) : undefined;
    const metadata = (current.metadata ?? {}) as { source?: string; writes?: Record<string, unknown> | null };
    if (metadata.source === "update" && metadata.writes) path.push(Object.keys(metadata.writes));
    else if (metadata.source === "loop" && parent) path.push(parent.next.filter((node) => !node.startsWith("__")));
    current = parent;
  }
  return path.reverse().flat();
}

/** Node statuses and numbered edges for a reopened thread, as if its run had been watched. */
export function runFromPath(nodes: string[], pausedBefore: string | null, keep: Record<string, NodeRunStatus>): Partial<RunState> {
  const nodeStatus: Record<string, NodeRunStatus> = {};
  const edgeOrder: Record<string, number[]> = {};
  let previous = START_NODE;
  let count = 0;
  const take = (target: string) => {
    const key = edgeKey(previous, target);
    edgeOrder[key] = [...(edgeOrder[key] ?? []), ++count];
    previous = target;
  };
  for (const node of nodes) {
    nodeStatus[node] = "done";
    take(node);
  }
  const lastNode = nodes.length ? previous : null;
  if (pausedBefore) take(pausedBefore);
  return { nodeStatus: { ...nodeStatus, ...keep }, edgeOrder, edgeCount: count, lastNode, visited: nodes, pausedEdge: pausedBefore ? edgeKey(lastNode ?? START_NODE, pausedBefore) : null };
}
