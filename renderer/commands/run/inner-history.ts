import type { ThreadState } from "@langchain/langgraph-sdk";
import type { DebuggerApi } from "../../client/debugger-api";
import { namespacePath } from "../../stores/run-inside";
import type { InnerCheckpoint } from "../../stores/thread-store";

export type { InnerCheckpoint };

const MAX_DEPTH = 4;

/** The subgraph namespaces a list of checkpoints' tasks ran in (a subgraph task's `checkpoint`). */
export function namespacesOf(history: ThreadState[]): string[] {
  const found = new Set<string>();
  for (const state of history) {
    for (const task of state.tasks ?? []) {
      const namespace = (task as { checkpoint?: { checkpoint_ns?: string } | null }).checkpoint?.checkpoint_ns;
      if (namespace) found.add(namespace);
    }
  }
  return [...found];
}

/** The top-level checkpoint a subgraph checkpoint belongs under: its `parents[""]`. */
export function parentIdOf(state: ThreadState): string | null {
  const parents = (state.metadata as { parents?: Record<string, string> } | undefined)?.parents;
  return parents?.[""] ?? null;
}

/**
 * Every checkpoint inside the thread's subgraph tasks (nested ones too, a few levels deep),
 * read per namespace from /history. A namespace that cannot be read is left out: the timeline
 * still shows the parent's steps.
 */
export async function innerHistoryOf(api: DebuggerApi, threadId: string, history: ThreadState[], depth = 0): Promise<InnerCheckpoint[]> {
  if (depth >= MAX_DEPTH) return [];
  const namespaces = namespacesOf(history);
  const lists = await Promise.all(namespaces.map((namespace) => api.history(threadId, 100, namespace).catch(() => [] as ThreadState[])));
  const found: InnerCheckpoint[] = [];
  for (const [index, states] of lists.entries()) {
    const namespace = namespaces[index];
    for (const state of states) {
      const parentId = parentIdOf(state);
      if (parentId) found.push({ namespace, path: namespacePath(namespace), parentId, state });
    }
    found.push(...(await innerHistoryOf(api, threadId, states, depth + 1)));
  }
  return found;
}

/** The inner checkpoints under one parent checkpoint, oldest first (as the subgraph ran them). */
export function innerCheckpointsUnder(inner: InnerCheckpoint[], parentId: string): InnerCheckpoint[] {
  return inner.filter((item) => item.parentId === parentId).sort((a, b) => (a.state.checkpoint.checkpoint_id! < b.state.checkpoint.checkpoint_id! ? -1 : 1));
}
