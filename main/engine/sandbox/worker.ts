import variant from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant } from "quickjs-emscripten-core";
import { parentPort, workerData } from "node:worker_threads";
import { cappedWasmMemory, hasGrown } from "./capped-memory";
import type { SandboxJob, WorkerData, WorkerMessage } from "./protocol";
import { runInQuickJS } from "./quickjs-run";

// A sandbox worker: loads QuickJS once, then runs one job at a time. The main thread terminates
// it at a job's time limit, so a loop that QuickJS's interrupt misses still cannot hang a run.
const { memoryMb } = workerData as WorkerData;
const memory = cappedWasmMemory(memoryMb);
const quickjs = await newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmMemory: memory }));
const port = parentPort!;
port.on("message", (job: SandboxJob) => {
  const outcome = runInQuickJS(quickjs, job);
  // A job that grew the heap leaves it grown: this worker ends, so the process's memory returns
  // to what it was before the job; a fresh worker takes the next one.
  if (hasGrown(memory)) outcome.broken = true;
  port.postMessage(outcome satisfies WorkerMessage);
  if (outcome.broken) port.close();
});
port.postMessage({ ready: true } satisfies WorkerMessage);
