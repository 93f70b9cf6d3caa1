import type { ServerContext } from "./context";
import type { ActiveRun } from "./run-registry";

/**
 * Undoes a run cancelled with action "rollback", as LangGraph Platform does: its record goes, and
 * so do its checkpoints (in every namespace) with their pending writes. A saver that cannot take
 * checkpoints back (PostgreSQL) keeps them; `rollBack` then continues from before them.
 */
export async function undoRun(ctx: ServerContext, active: ActiveRun): Promise<void> {
  const { thread_id: threadId, run_id: runId } = active.run;
  ctx.runLog.delete(runId);
  if (!ctx.saver.deleteCheckpoints) return;
  await ctx.saver.settled(threadId);
  const checkpoints: Array<{ ns: string; id: string }> = [];
  for await (const tuple of ctx.saver.list({ configurable: { thread_id: threadId } })) {
    if (String(tuple.metadata?.["run_id" as keyof typeof tuple.metadata] ?? "") !== runId) continue;
    checkpoints.push({ ns: String(tuple.config.configurable?.checkpoint_ns ?? ""), id: tuple.checkpoint.id });
  }
  await ctx.saver.deleteCheckpoints(threadId, checkpoints);
}

/**
 * Waits for the runs a multitask_strategy "rollback" run replaces to be undone, and says where the
 * new run starts: the thread's latest checkpoint (undefined) once theirs are deleted. Where they
 * could not be deleted, the checkpoint before the first of them; when they made the thread's
 * first checkpoints, the thread's checkpoints are deleted instead.
 */
export async function rollBack(ctx: ServerContext, threadId: string, cancelled: ActiveRun[]): Promise<string | undefined> {
  await Promise.all(cancelled.map((run) => run.done));
  if (ctx.saver.deleteCheckpoints) return undefined;
  await ctx.saver.settled(threadId);
  const runIds = new Set(cancelled.map((run) => run.run.run_id));
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
