import { v7 as uuidv7 } from "uuid";
import type { Run } from "../../shared/api";
import { checkRunnable } from "../engine";
import type { ServerContext } from "./context";
import { ThreadNotFoundError, UnprocessableError } from "./errors";
import { ActiveRun } from "./run-registry";
import { planRun, type RunPlan } from "./run-request";
import { checkCommand, checkMessageRemovals, checkStateValues } from "./state-input";
import { requireCheckpoint } from "./thread-access";

export interface StartedRun {
  active: ActiveRun;
  /** The run as created (pending), before it starts changing. */
  run: Run;
  /** A thread made for a thread-less run (`/runs/stream`, `/runs/wait`): deleted afterwards unless on_completion is "keep". */
  temporary: boolean;
  /** Keeps a temporary thread until `reading` settles (`/runs/wait` reads its final values first). */
  holdCleanup(reading: Promise<unknown>): void;
}

/**
 * Checks the request (graph, input, checkpoint), then, in the thread's turn of writes, creates the
 * run record and queues the run on its thread: a state update sent at the same moment lands
 * before the run (which then continues from it) or is refused because the thread is busy.
 */
export async function startRun(ctx: ServerContext, threadId: string | null, body: Record<string, unknown>, fromHeaders: Record<string, string> = {}): Promise<StartedRun> {
  const plan = await planRun(ctx, body, { onDisconnect: "continue", fromHeaders });
  await refuseUnrunnable(ctx, plan.graph.doc, plan.graph.graphs);
  checkStateValues(plan.graph, plan.kwargs.input, "input");
  checkCommand(plan.graph, plan.kwargs.command as Parameters<typeof checkCommand>[1], "command");
  const temporary = threadId === null;
  const id = threadId ?? uuidv7();
  const { active, run } = await ctx.writes.run(id, () => submitRun(ctx, id, plan, temporary));
  let hold: Promise<unknown> = Promise.resolve();
  if (temporary && plan.onCompletion === "delete") {
    void active.done
      .then(() => hold.catch(() => undefined))
      .then(() => ctx.writes.run(id, () => deleteThreadData(ctx, id)));
  }
  return { active, temporary, run, holdCleanup: (reading) => (hold = reading) };
}

async function submitRun(ctx: ServerContext, id: string, plan: RunPlan, temporary: boolean): Promise<{ active: ActiveRun; run: Run }> {
  let thread = ctx.threads.get(id);
  if (!thread && !temporary && plan.ifNotExists !== "create") throw new ThreadNotFoundError(id);
  ctx.runs.checkStrategy(id, plan);
  // Checked here, not in planRun: the thread's checkpoints are only certain in its turn.
  if (plan.checkpointId) await requireCheckpoint(ctx, id, plan.checkpointId);
  const from = { configurable: { thread_id: id, ...(plan.checkpointId ? { checkpoint_id: plan.checkpointId } : {}) } };
  const update = (plan.kwargs.command as { update?: unknown } | null)?.update;
  await checkMessageRemovals(plan.graph, from, [
    [plan.kwargs.input, "input"],
    [update, "command.update"],
  ]);
  const graphMetadata = { graph_id: plan.graph.graphId, assistant_id: plan.assistantId };
  thread ??= ctx.threads.create(id, graphMetadata);
  const now = new Date().toISOString();
  const run: Run = {
    run_id: uuidv7(),
    thread_id: id,
    assistant_id: plan.assistantId,
    created_at: now,
    updated_at: now,
    status: "pending",
    metadata: plan.metadata,
    kwargs: plan.kwargs,
    multitask_strategy: plan.multitaskStrategy,
  };
  ctx.runLog.put(run);
  ctx.threads.update(id, { status: "busy", metadata: { ...thread.metadata, ...graphMetadata } });
  const active = new ActiveRun(run, plan);
  ctx.runs.submit(active);
  return { active, run };
}

/** Cancels the thread's runs and deletes everything of it. Call it inside the thread's turn (`ctx.writes.run`). */
export async function deleteThreadData(ctx: ServerContext, threadId: string): Promise<void> {
  for (const active of ctx.runs.ofThread(threadId)) active.cancel("interrupt");
  await Promise.all(ctx.runs.ofThread(threadId).map((active) => active.done));
  // Checkpoints first: a crash part way leaves an entry without checkpoints (deleting again finishes
  // the job), never checkpoints without an entry, which the next start would rebuild as a thread.
  await ctx.saver.deleteThread(threadId);
  ctx.runLog.deleteThread(threadId);
  ctx.threads.delete(threadId);
}

/** A missing API key or code that does not compile is reported before the run starts, on its node. */
async function refuseUnrunnable(ctx: ServerContext, doc: Parameters<typeof checkRunnable>[0] | undefined, graphs?: Parameters<typeof checkRunnable>[3]): Promise<void> {
  if (!doc) return;
  const problems = await checkRunnable(doc, undefined, process.env, graphs, ctx.tools);
  if (problems.length > 0) {
    throw new UnprocessableError(`graph "${doc.name}" cannot run yet: ${problems.map((problem) => problem.message).join("; ")}`, problems);
  }
}
