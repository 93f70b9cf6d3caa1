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

/** Checkpoints a node wrote (its output in the step's metadata), newest first: what it can be pinned to. */
export function outputsOf(history: ThreadState[], node: string): { checkpointId: string; step: number; update: Record<string, unknown> }[] {
  return history.flatMap((state) => {
    const writes = (state.metadata as { writes?: Record<string, unknown> | null; step?: number } | undefined)?.writes;
    const update = writes?.[node];
    const checkpointId = state.checkpoint.checkpoint_id;
    if (!update || typeof update !== "object" || !checkpointId) return [];
    return [{ checkpointId, step: (state.metadata as { step?: number }).step ?? -1, update: update as Record<string, unknown> }];
  });
}
