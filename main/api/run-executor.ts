import type { RunStatus } from "../../shared/api";
import type { RunCallMark } from "../../shared/recorded-calls";
import type { ServerContext } from "./context";
import type { ActiveRun, RunOutcome } from "./run-registry";
import { rollBack, undoRun } from "./rollback";
import { iterateInScope } from "../engine/recording/call-scope";
import { streamGraph } from "./graph-stream";
import { runCallScope } from "./run-recording";
import { StreamFrames, withNamespace } from "./stream-modes";
import { currentValues } from "./thread-view";
import { indexesSynced } from "./index-sync";
import { sendWebhook } from "./webhook";

/** Runs one run to its end: streams the graph, turns chunks into frames, then records the outcome. */
export async function executeRun(ctx: ServerContext, active: ActiveRun): Promise<void> {
  const { run, plan } = active;
  // `after_seconds`: the run stays pending (and cancellable) until then.
  if (plan.afterSeconds) await delayUnlessAborted(plan.afterSeconds * 1000, active.controller.signal);
  if (active.controller.signal.aborted) return finish(ctx, active, "interrupted", false, {});
  if (active.rollbackOf.length > 0) {
    const point = await rollBack(ctx, run.thread_id, active.rollbackOf);
    if (point && !plan.checkpointId) plan.checkpointId = point;
  }
  // A run cancelled a moment ago (strategy "interrupt", a cancel) may still be writing its last
  // checkpoint: start on top of it, not beside it.
  await ctx.saver.settled(run.thread_id);
  setRunStatus(ctx, active, "running");
  active.startedAt = new Date().toISOString();
  active.emit({ event: "metadata", data: { run_id: run.run_id, attempt: 1 } });
  const frames = new StreamFrames(plan.streamModes);
  const runKeys = { graph_id: plan.graph.graphId, assistant_id: plan.assistantId, run_id: run.run_id, thread_id: run.thread_id };
  let status: RunStatus = "success";
  let paused = false;
  let error: RunOutcome["error"];
  // Replayed model calls, the first live one and pinned nodes are marked in the `custom` stream mode, for the canvas.
  const mark = (data: RunCallMark) => active.emit({ event: "custom", data });
  const marks = plan.streamModes.includes("custom")
    ? {
        onReplayed: (call: { node: string; id: string }) => mark({ switchyard: "replayed", node: call.node, call_id: call.id }),
        onLive: (call: { node: string; id: string }) => mark({ switchyard: "live", node: call.node, call_id: call.id }),
        onPinned: (node: string) => mark({ switchyard: "pinned", node }),
      }
    : undefined;
  const recording = runCallScope(ctx, run, { replay: plan.replay ?? false, graphId: plan.graph.graphId, marks });
  try {
    const outputs = iterateInScope(recording.scope, () => streamGraph(plan, run.run_id, {
      callbacks: recording.callbacks,
      // LangGraph copies configurable keys into checkpoint metadata: that is how history knows its run.
      configurable: { ...plan.configurable, ...runKeys, ...(plan.checkpointId ? { checkpoint_id: plan.checkpointId } : {}) },
      metadata: { ...plan.metadata, ...runKeys },
      streamMode: plan.libraryModes,
      interruptBefore: plan.interruptBefore as never,
      interruptAfter: plan.interruptAfter as never,
      signal: active.controller.signal,
      ...(plan.recursionLimit ? { recursionLimit: plan.recursionLimit } : {}),
      ...(plan.tags ? { tags: plan.tags } : {}),
    }));
    for await (const output of outputs) {
      if (output.kind === "event") {
        active.emit({ event: "events", data: output.data });
        continue;
      }
      const { namespace, mode, chunk } = output;
      const isRoot = namespace.length === 0;
      if (isRoot && mode === "updates" && chunk && typeof chunk === "object" && "__interrupt__" in chunk) paused = true;
      for (const frame of frames.framesOf(mode as never, chunk)) active.emit(isRoot ? frame : withNamespace(frame, namespace));
    }
  } catch (caught) {
    if (active.controller.signal.aborted) {
      status = "interrupted";
    } else {
      status = "error";
      error = { error: (caught as Error)?.name ?? "Error", message: (caught as Error)?.message ?? String(caught) };
      active.emit({ event: "error", data: error });
    }
  }
  await finish(ctx, active, status, paused, { error });
}

/**
 * Records how the run ended. The thread's status comes from the stream itself (an `__interrupt__`
 * update means it paused), so finishing a run costs no extra checkpoint read.
 */
async function finish(ctx: ServerContext, active: ActiveRun, status: RunStatus, paused: boolean, outcome: RunOutcome): Promise<void> {
  const threadId = active.run.thread_id;
  const undone = status === "interrupted" && active.cancelAction === "rollback";
  if (undone) await undoRun(ctx, active);
  if (ctx.threads.get(threadId)) {
    const settled = status === "error" ? "error" : paused ? "interrupted" : status === "interrupted" ? await statusFromCheckpoint(ctx, active) : "idle";
    ctx.threads.update(threadId, { status: ctx.runs.hasFollowers(active) ? "busy" : settled });
  }
  if (!undone) setRunStatus(ctx, active, status);
  // The stream's end, a join and a wait acknowledge the outcome: it is on disk first.
  await indexesSynced(ctx).catch((error: Error) => console.error(`switchyard: run ${active.run.run_id}: ${error.message}`));
  if (active.plan.webhook) await callWebhook(ctx, active, status, outcome);
  active.finish(outcome);
}

/** Reads the final values now (a thread-less run's thread goes once the run is done), then POSTs without waiting. */
async function callWebhook(ctx: ServerContext, active: ActiveRun, status: RunStatus, outcome: RunOutcome): Promise<void> {
  const values = await currentValues(ctx, ctx.threads.get(active.run.thread_id)).catch(() => null);
  sendWebhook(active.plan.webhook!, { run: active.run, status, startedAt: active.startedAt ?? active.run.created_at, values, error: outcome.error?.message }, ctx.loopback);
}

function delayUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}

/** A cancelled run stopped somewhere in the middle: the checkpoint says whether work is left. */
async function statusFromCheckpoint(ctx: ServerContext, active: ActiveRun) {
  await ctx.saver.settled(active.run.thread_id);
  const snapshot = await active.plan.graph.compiled.getState({ configurable: { thread_id: active.run.thread_id } }).catch(() => undefined);
  return snapshot && snapshot.next.length > 0 ? ("interrupted" as const) : ("idle" as const);
}

function setRunStatus(ctx: ServerContext, active: ActiveRun, status: RunStatus): void {
  active.run = { ...active.run, status, updated_at: new Date().toISOString() };
  ctx.runLog.put(active.run);
}
