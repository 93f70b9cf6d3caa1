import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from "quickjs-emscripten-core";
import type { FailureKind, SandboxJob, SandboxOutcome } from "./protocol";

const STACK_BYTES = 512 * 1024;

class Failure extends Error {
  constructor(readonly kind: FailureKind, message: string) {
    super(message);
  }
}

/**
 * Runs one job in a fresh QuickJS runtime: its own heap (capped), its own deadline, nothing of
 * the host inside (no require, process, fs, network or timers: QuickJS has none unless given).
 * The source is a function expression; input and output cross as JSON text.
 */
export function runInQuickJS(quickjs: QuickJSWASMModule, job: SandboxJob): SandboxOutcome {
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(job.memoryBytes);
  runtime.setMaxStackSize(STACK_BYTES);
  const deadline = Date.now() + job.timeoutMs;
  let interrupted = false;
  runtime.setInterruptHandler(() => (interrupted = Date.now() > deadline));
  const context = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  const keep = (handle: QuickJSHandle) => (handles.push(handle), handle);
  let outcome: SandboxOutcome;
  try {
    outcome = { id: job.id, ok: true, outputJson: evaluate(context, job, keep) };
  } catch (error) {
    outcome = failedOutcome(job, error, interrupted);
  }
  try {
    for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
    context.dispose();
    runtime.dispose();
  } catch {
    // A runtime that cannot be freed cleanly leaves the QuickJS module unusable: retire the worker.
    outcome.broken = true;
  }
  return outcome;
}

function failedOutcome(job: SandboxJob, error: unknown, interrupted: boolean): SandboxOutcome {
  if (interrupted) return { id: job.id, ok: false, kind: "timeout", message: `ran longer than ${job.timeoutMs} ms` };
  if (error instanceof Failure) return { id: job.id, ok: false, kind: error.kind, message: error.message };
  return { id: job.id, ok: false, kind: isOutOfMemory(error) ? "memory" : "threw", message: String((error as Error)?.message ?? error) };
}

function evaluate(context: QuickJSContext, job: SandboxJob, keep: (handle: QuickJSHandle) => QuickJSHandle): string | undefined {
  // The newline lets a trailing line comment in the source end before the closing parenthesis.
  const compiled = context.evalCode(`(${job.source}\n)`, "code.js");
  if (compiled.error) throw failureOf(context, keep(compiled.error), "syntax");
  const fn = keep(compiled.value);
  if (context.typeof(fn) !== "function") throw new Failure("syntax", "the code must be one function, such as (state) => ({ count: state.count + 1 })");
  if (job.mode === "check") return undefined;

  const json = keep(context.getProp(context.global, "JSON"));
  const parse = keep(context.getProp(json, "parse"));
  const stringify = keep(context.getProp(json, "stringify"));
  const input = context.callFunction(parse, context.undefined, keep(context.newString(job.inputJson)));
  if (input.error) throw failureOf(context, keep(input.error), "threw");
  const called = context.callFunction(fn, context.undefined, keep(input.value));
  if (called.error) throw failureOf(context, keep(called.error), "threw");
  const value = settle(context, keep(called.value), keep);
  const text = context.callFunction(stringify, context.undefined, value);
  if (text.error) throw failureOf(context, keep(text.error), "output", "its result is not JSON: ");
  const textHandle = keep(text.value);
  if (context.typeof(textHandle) === "undefined") return undefined;
  return context.getString(textHandle);
}

/** An async function's promise is settled by running its pending jobs: there are no timers to wait for. */
function settle(context: QuickJSContext, value: QuickJSHandle, keep: (handle: QuickJSHandle) => QuickJSHandle): QuickJSHandle {
  const state = context.getPromiseState(value);
  if (state.type === "fulfilled" && state.notAPromise) return value;
  if (state.type === "fulfilled") keep(state.value);
  if (state.type === "rejected") keep(state.error);
  const jobs = context.runtime.executePendingJobs();
  if (jobs.error) throw failureOf(context, keep(jobs.error), "threw");
  const settled = context.getPromiseState(value);
  if (settled.type === "pending") throw new Failure("threw", "its promise never settled (the sandbox has no timers or I/O to wait for)");
  if (settled.type === "rejected") throw failureOf(context, keep(settled.error), "threw");
  return keep(settled.value);
}

function failureOf(context: QuickJSContext, errorHandle: QuickJSHandle, kind: FailureKind, prefix = ""): Failure {
  let dumped: unknown;
  try {
    dumped = context.dump(errorHandle);
  } catch {
    dumped = undefined;
  }
  const error = (dumped ?? {}) as { name?: string; message?: string; stack?: string };
  const message = typeof dumped === "object" && dumped !== null ? `${error.name ?? "Error"}: ${error.message ?? ""}` : String(dumped);
  if (isOutOfMemory(error) || dumped === null || dumped === undefined) return new Failure("memory", "ran out of memory");
  if (error.name === "InternalError" && /interrupted/.test(error.message ?? "")) return new Failure("timeout", "interrupted");
  const line = /code\.js:(\d+)/.exec(error.stack ?? "")?.[1];
  return new Failure(error.name === "SyntaxError" && kind === "syntax" ? "syntax" : kind, `${prefix}${message}${line ? ` (line ${line})` : ""}`);
}

function isOutOfMemory(error: unknown): boolean {
  return /out of memory/i.test(String((error as Error)?.message ?? error));
}
