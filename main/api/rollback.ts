import type { ServerContext } from "./context";
import type { ActiveRun } from "./run-registry";

/**
 * Undoes runs cancelled by multitask_strategy "rollback": their records go, and the thread
 * continues from the checkpoint before the first of them. Returns that checkpoint's id (the
 * next run forks from it); when they made the thread's first checkpoints, the thread's
 * checkpoints are deleted instead and undefined is returned.
 */
export async function rollBack(ctx: ServerContext, threadId: string, cancelled: ActiveRun[]): Promise<string | undefined> {
  await Promise.all(cancelled.map((run) => run.done));
  await ctx.saver.settled(threadId);
  const runIds = new Set(cancelled.map((run) => run.run.run_id));
  for (const runId of runIds) ctx.runLog.delete(runId);
  let oldest: { parent?: string } | undefined;
  for await (const tuple of ctx.saver.list({ configurable: { thread_id: threadId, checkpoint_ns: "" } })) {
    if (!runIds.has(String(tuple.metadata?.["run_id" as keyof typeof tuple.metadata] ?? ""))) continue;
    oldest = { parent: tuple.parentConfig?.configurable?.checkpoint_id as string | undefined };
  }
  if (!oldest) return undefined;
  if (oldest.parent) return oldest.parent;
  await ctx.saver.deleteThread(threadId);
  return undefined;
}
