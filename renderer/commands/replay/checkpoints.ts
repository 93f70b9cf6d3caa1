import type { ThreadState } from "@langchain/langgraph-sdk";

/** The checkpoints of the head's branch, newest first (history holds every branch). */
export function branchOf(history: ThreadState[], headId: string | undefined): ThreadState[] {
  const byId = new Map(history.map((state) => [state.checkpoint.checkpoint_id, state]));
  const branch: ThreadState[] = [];
  let current = headId ? byId.get(headId) : history[0];
  while (current) {
    branch.push(current);
    const parent = current.parent_checkpoint?.checkpoint_id;
    current = parent ? byId.get(parent) : undefined;
  }
  return branch;
}

/** "Re-run from here" on a node: the newest checkpoint of the head's branch that is about to run it. */
export function checkpointBefore(history: ThreadState[], headId: string | undefined, node: string): string | null {
  const before = (states: ThreadState[]) => states.find((state) => state.next.includes(node))?.checkpoint.checkpoint_id ?? null;
  return before(branchOf(history, headId)) ?? before(history);
}

/**
 * What a node wrote, newest first, with the checkpoint its step made: what it can be pinned to.
 * LangGraph keeps a step's output as the result of the node's task on the checkpoint before it
 * (older versions also copied it into the new checkpoint's metadata `writes`).
 */
export function outputsOf(history: ThreadState[], node: string): { checkpointId: string; step: number; update: Record<string, unknown> }[] {
  return history.flatMap((state) => {
    const checkpointId = state.checkpoint.checkpoint_id;
    const metadata = state.metadata as { writes?: Record<string, unknown> | null; step?: number; source?: string } | undefined;
    const parentId = state.parent_checkpoint?.checkpoint_id;
    const parent = parentId ? history.find((candidate) => candidate.checkpoint.checkpoint_id === parentId) : undefined;
    const fromTask = metadata?.source === "loop" ? parent?.tasks.find((task) => task.name === node && task.result !== undefined)?.result : undefined;
    const update = metadata?.writes?.[node] ?? fromTask;
    if (!update || typeof update !== "object" || !checkpointId) return [];
    return [{ checkpointId, step: metadata?.step ?? -1, update: update as Record<string, unknown> }];
  });
}
