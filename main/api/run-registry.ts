import type { Run } from "../../shared/api";
import { ThreadBusyError } from "./errors";
import type { RunPlan } from "./run-request";
import type { SseFrame } from "./sse";

export type CancelAction = "interrupt" | "rollback";

export interface RunOutcome {
  error?: { error: string; message: string };
}

/** A run that is waiting, going, or just finished: its frames (for joining late) and its outcome. */
export class ActiveRun {
  readonly frames: SseFrame[] = [];
  readonly controller = new AbortController();
  cancelAction?: CancelAction;
  /** Runs this one replaces under multitask_strategy "rollback". */
  rollbackOf: ActiveRun[] = [];
  outcome?: RunOutcome;
  /** When the graph started (after any `after_seconds` wait). */
  startedAt?: string;
  readonly done: Promise<void>;
  private finishDone!: () => void;
  private readonly listeners = new Set<(frame: SseFrame | null) => void>();

  constructor(
    public run: Run,
    readonly plan: RunPlan,
  ) {
    this.done = new Promise((resolve) => (this.finishDone = resolve));
  }

  get finished(): boolean {
    return this.outcome !== undefined;
  }

  emit(frame: Omit<SseFrame, "id">): void {
    const numbered = { ...frame, id: String(this.frames.length) };
    this.frames.push(numbered);
    for (const listener of this.listeners) listener(numbered);
  }

  /** Replays frames after `lastEventId`, then follows live ones; `null` means the run is over. */
  subscribe(listener: (frame: SseFrame | null) => void, lastEventId?: string): () => void {
    const from = lastEventId === undefined || Number.isNaN(Number(lastEventId)) ? 0 : Number(lastEventId) + 1;
    for (const frame of this.frames.slice(from)) listener(frame);
    if (this.finished) {
      listener(null);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  finish(outcome: RunOutcome): void {
    this.outcome = outcome;
    for (const listener of this.listeners) listener(null);
    this.listeners.clear();
    this.finishDone();
  }

  cancel(action: CancelAction): void {
    this.cancelAction ??= action;
    this.controller.abort(new Error(`run ${this.run.run_id} was cancelled (${action})`));
  }
}

const KEEP_FINISHED_MS = 60_000;

/**
 * Runs per thread, one at a time in submission order. A second run on a busy thread follows
 * its multitask strategy: reject (409), interrupt or rollback (cancel the current runs first),
 * or enqueue (wait for them).
 */
export class RunRegistry {
  private readonly byRun = new Map<string, ActiveRun>();
  private readonly byThread = new Map<string, ActiveRun[]>();

  constructor(private readonly execute: (run: ActiveRun) => Promise<void>) {}

  isBusy(threadId: string): boolean {
    return (this.byThread.get(threadId)?.length ?? 0) > 0;
  }

  get(runId: string): ActiveRun | undefined {
    return this.byRun.get(runId);
  }

  ofThread(threadId: string): ActiveRun[] {
    return [...(this.byThread.get(threadId) ?? [])];
  }

  /** Throws ThreadBusyError under "reject"; otherwise queues the run behind (or instead of) the current ones. */
  checkStrategy(threadId: string, plan: RunPlan): void {
    if (this.isBusy(threadId) && plan.multitaskStrategy === "reject") throw new ThreadBusyError(threadId);
  }

  submit(active: ActiveRun): void {
    const threadId = active.run.thread_id;
    this.checkStrategy(threadId, active.plan);
    const queue = this.byThread.get(threadId) ?? [];
    const strategy = active.plan.multitaskStrategy;
    if (strategy === "interrupt" || strategy === "rollback") {
      for (const other of queue) other.cancel(strategy);
      if (strategy === "rollback") active.rollbackOf = [...queue];
    }
    const previous = queue.at(-1)?.done ?? Promise.resolve();
    queue.push(active);
    this.byThread.set(threadId, queue);
    this.byRun.set(active.run.run_id, active);
    void previous
      .then(() => this.execute(active))
      .catch((error) => console.error(`switchyard: run ${active.run.run_id} failed outside the graph:`, error))
      .finally(() => this.settle(active));
  }

  /** Runs still queued behind this one on its thread. */
  hasFollowers(active: ActiveRun): boolean {
    const queue = this.byThread.get(active.run.thread_id) ?? [];
    return queue.indexOf(active) < queue.length - 1;
  }

  private settle(active: ActiveRun): void {
    if (!active.finished) active.finish({ error: { error: "RunFailed", message: "the run stopped unexpectedly" } });
    const queue = (this.byThread.get(active.run.thread_id) ?? []).filter((other) => other !== active);
    if (queue.length > 0) this.byThread.set(active.run.thread_id, queue);
    else this.byThread.delete(active.run.thread_id);
    setTimeout(() => this.byRun.delete(active.run.run_id), KEEP_FINISHED_MS).unref();
  }
}
