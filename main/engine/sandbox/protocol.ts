/** What a worker is started with: every job it runs has this memory cap (its heap cannot grow past it). */
export interface WorkerData {
  memoryMb: number;
}

/** Messages between the main thread and a sandbox worker. Values cross as JSON text only. */
export interface SandboxJob {
  id: number;
  /** "run" calls the function with the input; "check" only compiles it (syntax and "is it a function"). */
  mode: "run" | "check";
  source: string;
  inputJson: string;
  memoryBytes: number;
  timeoutMs: number;
}

export type FailureKind = "syntax" | "threw" | "timeout" | "memory" | "output";

/**
 * `broken`: the worker must end after this job: its QuickJS could not be cleaned up, or the job
 * grew its heap (a WebAssembly memory never shrinks).
 */
export type SandboxOutcome = ({ id: number; ok: true; outputJson: string | undefined } | { id: number; ok: false; kind: FailureKind; message: string }) & { broken?: boolean };

export type WorkerMessage = { ready: true } | SandboxOutcome;
