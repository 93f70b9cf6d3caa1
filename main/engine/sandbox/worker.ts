import variant from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant } from "quickjs-emscripten-core";
import { parentPort } from "node:worker_threads";
import type { SandboxJob, WorkerMessage } from "./protocol";
import { runInQuickJS } from "./quickjs-run";

// A sandbox worker: loads QuickJS once, then runs one job at a time. The main thread terminates
// it at a job's time limit, so a loop that QuickJS's interrupt misses still cannot hang a run.
const quickjs = await newQuickJSWASMModuleFromVariant(variant);
const port = parentPort!;
port.on("message", (job: SandboxJob) => {
  const outcome = runInQuickJS(quickjs, job);
  port.postMessage(outcome satisfies WorkerMessage);
  if (outcome.broken) port.close();
});
port.postMessage({ ready: true } satisfies WorkerMessage);
