import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CodeMemoryError, CodeOutputError, CodeSyntaxError, CodeThrewError, CodeTimeoutError } from "./errors";
import type { SandboxJob, SandboxOutcome, WorkerData, WorkerMessage } from "./protocol";

export const DEFAULT_TIMEOUT_MS = 1000;
export const DEFAULT_MEMORY_MB = 64;
/** Warm workers kept per memory size; more run at once when needed and end afterwards. */
const IDLE_WORKERS_KEPT = 2;
/** Loading QuickJS (and, from source, tsx) is not part of a job's time. */
const WORKER_START_LIMIT_MS = 20_000;

export interface CodeRun {
  /** Names the code in errors: `code node "x"`, `code tool "t"`. */
  subject: string;
  source: string;
  input: unknown;
  timeoutMs?: number;
  memoryMb?: number;
}

export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
  constructor(readonly workerFile: string) {
    super(`the code sandbox is not part of this build (${workerFile} is missing): code nodes and code tools cannot run`);
  }
}

/**
 * From source the worker is TypeScript started through tsx; a bundle must ship `sandbox-worker.js`
 * (main/engine/sandbox/worker.ts bundled) and QuickJS's `emscripten-module.wasm` beside itself.
 */
function workerUrl(): URL {
  const url = import.meta.url.endsWith(".ts") ? new URL("./worker-entry.mjs", import.meta.url) : new URL("./sandbox-worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new SandboxUnavailableError(fileURLToPath(url));
  return url;
}

class SandboxWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending?: { resolve: (outcome: SandboxOutcome) => void; reject: (error: Error) => void };
  dead = false;

  constructor(readonly memoryMb: number) {
    this.worker = new Worker(workerUrl(), {
      // The worker gets no environment (no API keys), no inherited flags, and a bounded heap: the
      // QuickJS heap itself is capped inside it (capped-memory.ts); this caps what its results can
      // grow to in V8.
      env: {},
      execArgv: [],
      workerData: { memoryMb } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: 128 + memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the code sandbox did not start in time")), WORKER_START_LIMIT_MS);
      this.worker.once("message", (message: WorkerMessage) => {
        clearTimeout(timer);
        if ("ready" in message) resolve();
      });
      this.worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    this.ready.catch(() => {});
    this.worker.on("message", (message: WorkerMessage) => {
      if ("ready" in message) return;
      const pending = this.pending;
      this.pending = undefined;
      pending?.resolve(message);
    });
    this.worker.on("error", (error) => this.die(error));
    this.worker.on("exit", (code) => this.die(new Error(`the code sandbox stopped (exit code ${code})`)));
  }

  run(job: SandboxJob): Promise<SandboxOutcome> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }

  park(): void {
    this.worker.unref();
  }

  async kill(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }

  private die(error: Error): void {
    this.dead = true;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

const idle = new Map<number, SandboxWorker[]>();
let nextJobId = 1;

function takeWorker(memoryMb: number): SandboxWorker {
  const kept = idle.get(memoryMb) ?? [];
  while (kept.length > 0) {
    const worker = kept.pop()!;
    if (!worker.dead) return worker;
  }
  return new SandboxWorker(memoryMb);
}

function giveBack(worker: SandboxWorker): void {
  if (worker.dead) return;
  const kept = idle.get(worker.memoryMb) ?? [];
  idle.set(worker.memoryMb, kept);
  if (kept.length >= IDLE_WORKERS_KEPT) return void worker.kill();
  worker.park();
  kept.push(worker);
}

/**
 * Runs user code in QuickJS inside a worker thread. At the time limit the worker is terminated
 * (QuickJS's own interrupt usually stops the code a moment before, keeping the worker warm); a
 * cancelled run terminates it too. Resolves with the JSON result, parsed.
 */
export async function runSandboxed(run: CodeRun, signal?: AbortSignal): Promise<unknown> {
  const outcome = await execute("run", run, signal);
  if (!outcome.ok) throw errorOf(outcome, run);
  return outcome.outputJson === undefined ? undefined : JSON.parse(outcome.outputJson);
}

/** The compile error of a source, if any (used by the run preflight); does not run it. */
export async function codeSyntaxProblem(source: string): Promise<string | undefined> {
  const outcome = await execute("check", { subject: "code", source, input: null, timeoutMs: 2000 });
  return outcome.ok ? undefined : outcome.message;
}

async function execute(mode: SandboxJob["mode"], run: CodeRun, signal?: AbortSignal): Promise<SandboxOutcome> {
  const timeoutMs = run.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = run.memoryMb ?? DEFAULT_MEMORY_MB;
  const inputJson = JSON.stringify(run.input ?? null);
  const job: SandboxJob = { id: nextJobId++, mode, source: run.source, inputJson, memoryBytes: memoryMb * 1024 * 1024, timeoutMs };
  signal?.throwIfAborted();
  const worker = takeWorker(memoryMb);
  try {
    await worker.ready;
  } catch (error) {
    void worker.kill();
    throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<SandboxOutcome>((resolve, reject) => {
    timer = setTimeout(() => {
      void worker.kill();
      resolve({ id: job.id, ok: false, kind: "timeout", message: "terminated at the time limit" });
    }, timeoutMs);
    onAbort = () => {
      void worker.kill();
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([worker.run(job), stopped]).catch((error: Error & { code?: string }): SandboxOutcome => {
      if (signal?.aborted) throw error;
      if (error?.code === "ERR_WORKER_OUT_OF_MEMORY") return { id: job.id, ok: false, kind: "memory", message: error.message };
      throw error;
    });
    // Awaited: a worker that grew its heap has given the memory back when the run goes on.
    if (outcome.broken) await worker.kill();
    return outcome;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    giveBack(worker);
  }
}

function errorOf(outcome: Extract<SandboxOutcome, { ok: false }>, run: CodeRun): Error {
  switch (outcome.kind) {
    case "timeout":
      return new CodeTimeoutError(run.subject, run.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    case "memory":
      return new CodeMemoryError(run.subject, run.memoryMb ?? DEFAULT_MEMORY_MB);
    case "syntax":
      return new CodeSyntaxError(run.subject, outcome.message);
    case "output":
      return new CodeOutputError(run.subject, outcome.message);
    case "threw":
      return new CodeThrewError(run.subject, outcome.message);
  }
}

/** Ends every warm worker (tests, shutdown). */
export async function closeSandboxes(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((worker) => worker.kill()));
}
