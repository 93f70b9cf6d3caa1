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

/** `broken`: the worker's QuickJS could not be cleaned up after this job and the worker must end. */
export type SandboxOutcome = ({ id: number; ok: true; outputJson: string | undefined } | { id: number; ok: false; kind: FailureKind; message: string }) & { broken?: boolean };

export type WorkerMessage = { ready: true } | SandboxOutcome;
