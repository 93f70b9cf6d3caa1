import { cancelRun as cancelDebuggerRun } from "./run/continue-run";
import { chatInput, startRun } from "./run/start-run";

export { GraphNotRunnableError } from "./run/start-run";

/** Runs the open graph on a new thread with a first chat message (the top bar's quick Run). */
export async function runGraph(inputText: string): Promise<void> {
  await startRun(chatInput(inputText), inputText.trim(), "events");
}

export function cancelRun(): void {
  void cancelDebuggerRun.run();
}
