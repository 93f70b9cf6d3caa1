import { v7 as uuidv7 } from "uuid";
import type { Run } from "../../shared/api";
import { checkRunnable } from "../engine";
import type { ServerContext } from "./context";
import { ThreadNotFoundError, UnprocessableError } from "./errors";
import { ActiveRun } from "./run-registry";
import { planRun } from "./run-request";

export interface StartedRun {
  active: ActiveRun;
  /** The run as created (pending), before it starts changing. */
  run: Run;
  /** A thread made for a thread-less run (`/runs/stream`, `/runs/wait`): deleted afterwards unless on_completion is "keep". */
  temporary: boolean;
  /** Keeps a temporary thread until `reading` settles (`/runs/wait` reads its final values first). */
  holdCleanup(reading: Promise<unknown>): void;
}

/** Checks the request, creates the run record and queues the run on its thread. */
export async function startRun(ctx: ServerContext, threadId: string | null, body: Record<string, unknown>): Promise<StartedRun> {
  const plan = await planRun(ctx, body, { onDisconnect: "continue" });
  await refuseUnrunnable(ctx, plan.graph.doc);
  const temporary = threadId === null;
  const id = threadId ?? uuidv7();
  let thread = ctx.threads.get(id);
  if (!thread && !temporary && plan.ifNotExists !== "create") throw new ThreadNotFoundError(id);
  ctx.runs.checkStrategy(id, plan);
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
  let hold: Promise<unknown> = Promise.resolve();
  if (temporary && plan.onCompletion === "delete") {
    void active.done
      .then(() => hold.catch(() => undefined))
      .then(() => deleteThreadData(ctx, id));
  }
  return { active, temporary, run, holdCleanup: (reading) => (hold = reading) };
}

export async function deleteThreadData(ctx: ServerContext, threadId: string): Promise<void> {
  for (const active of ctx.runs.ofThread(threadId)) active.cancel("interrupt");
  await Promise.all(ctx.runs.ofThread(threadId).map((active) => active.done));
  ctx.threads.delete(threadId);
  ctx.runLog.deleteThread(threadId);
  await ctx.saver.deleteThread(threadId);
}

/** A missing API key or code that does not compile is reported before the run starts, on its node. */
async function refuseUnrunnable(ctx: ServerContext, doc: Parameters<typeof checkRunnable>[0] | undefined): Promise<void> {
  if (!doc) return;
  const problems = await checkRunnable(doc, undefined, process.env, ctx.tools);
  if (problems.length > 0) {
    throw new UnprocessableError(`graph "${doc.name}" cannot run yet: ${problems.map((problem) => problem.message).join("; ")}`, problems);
  }
}
