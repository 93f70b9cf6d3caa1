import type { FlowTestResult } from "../../../shared/flow-test-result";
import { useThreadStore } from "../../stores/thread-store";
import { showToast, useUiStore } from "../../stores/ui-store";
import { openThread } from "../run/threads";
import { firstFailure } from "./tests-model";

/**
 * "Open failing run": the test's thread opened in the debugger, with the timeline on the failing
 * check's checkpoint (else the result's, the last one).
 *
 * The debugger has `openThread` and the timeline's `selectedCheckpoint` but no single "open at"
 * action yet; this composes the two and can move to the debugger's commands when it has one.
 */
export async function openFailingRun(result: FlowTestResult): Promise<void> {
  if (!result.thread_id) return void showToast("This test never started a run, so there is nothing to open.", "error");
  const checkpoint = firstFailure(result)?.checkpoint_id ?? result.checkpoint_id;
  await openThread(result.thread_id);
  if (checkpoint) useThreadStore.setState({ selectedCheckpoint: checkpoint });
  useUiStore.setState({ bottomOpen: true, bottomTab: "timeline" });
}
