import type { RunStatus, Thread, ThreadStatus } from "../../shared/api";
import type { ServerContext } from "./context";
import type { ActiveRun, RunOutcome } from "./run-registry";
import { rollBack } from "./rollback";
import { StreamFrames } from "./stream-modes";
import { idleStatusOf, interruptsOf, threadStateOf } from "./state-view";

/** Runs one run to its end: streams the graph, turns chunks into frames, then records the outcome. */
export async function executeRun(ctx: ServerContext, active: ActiveRun): Promise<void> {
  const { run, plan } = active;
  if (active.controller.signal.aborted) return finish(ctx, active, "interrupted", { values: null });
  if (active.rollbackOf.length > 0) {
    const point = await rollBack(ctx, run.thread_id, active.rollbackOf);
    if (point && !plan.checkpointId) plan.checkpointId = point;
  }
  setRunStatus(ctx, active, "running");
  active.emit({ event: "metadata", data: { run_id: run.run_id, attempt: 1 } });
  const frames = new StreamFrames(plan.streamModes);
  const runKeys = { graph_id: plan.graph.graphId, assistant_id: plan.graph.assistantId, run_id: run.run_id, thread_id: run.thread_id };
  let status: RunStatus = "success";
  let error: RunOutcome["error"];
  try {
    const stream = await plan.graph.compiled.stream(plan.input as never, {
      // LangGraph copies configurable keys into checkpoint metadata: that is how history knows its run.
      configurable: { ...plan.configurable, ...runKeys, ...(plan.checkpointId ? { checkpoint_id: plan.checkpointId } : {}) },
      metadata: { ...plan.metadata, ...runKeys },
      streamMode: plan.libraryModes,
      interruptBefore: plan.interruptBefore as never,
      interruptAfter: plan.interruptAfter as never,
      signal: active.controller.signal,
      ...(plan.recursionLimit ? { recursionLimit: plan.recursionLimit } : {}),
      ...(plan.tags ? { tags: plan.tags } : {}),
    });
    for await (const [mode, chunk] of stream as AsyncIterable<[never, unknown]>) {
      for (const frame of frames.framesOf(mode, chunk)) active.emit(frame);
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
  await finish(ctx, active, status, { values: null, error });
}

async function finish(ctx: ServerContext, active: ActiveRun, status: RunStatus, outcome: RunOutcome): Promise<void> {
  const threadId = active.run.thread_id;
  const thread = ctx.threads.get(threadId);
  if (thread) {
    const change = await threadAfterRun(ctx, active, status);
    outcome.values = change.values ?? null;
    ctx.threads.update(threadId, change);
  }
  if (status === "interrupted" && active.cancelAction === "rollback") ctx.runLog.delete(active.run.run_id);
  else setRunStatus(ctx, active, status);
  if (outcome.error) outcome.values = { __error__: outcome.error };
  active.finish(outcome);
}

async function threadAfterRun(ctx: ServerContext, active: ActiveRun, status: RunStatus): Promise<Partial<Thread>> {
  const followers = ctx.runs.hasFollowers(active);
  try {
    const snapshot = await active.plan.graph.compiled.getState({ configurable: { thread_id: active.run.thread_id } });
    const state = threadStateOf(snapshot, active.run.thread_id);
    const settled: ThreadStatus = status === "error" ? "error" : idleStatusOf(state);
    return { status: followers ? "busy" : settled, values: state.values, interrupts: interruptsOf(state) };
  } catch {
    return { status: followers ? "busy" : "error" };
  }
}

function setRunStatus(ctx: ServerContext, active: ActiveRun, status: RunStatus): void {
  active.run = { ...active.run, status, updated_at: new Date().toISOString() };
  ctx.runLog.put(active.run);
}
