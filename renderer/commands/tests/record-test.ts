import { testsApi } from "../../client/tests-api";
import { useRunStore } from "../../stores/run-store";
import { useTestsStore } from "../../stores/tests-store";
import { showToast, useUiStore } from "../../stores/ui-store";
import { addRecordedTest, freeTestName } from "./tests-model";

/**
 * "Save run as test": the open thread (finished or paused) recorded as a proposed test
 * (POST from-thread), added to the draft and opened in the editor; Save writes it.
 */
export async function saveRunAsTest(threadId = useRunStore.getState().threadId): Promise<boolean> {
  const { graph, tests } = useTestsStore.getState();
  if (!graph || !threadId) return false;
  try {
    const { test, notes } = await testsApi.fromThread(graph, threadId, freeTestName(tests, "Recorded run"));
    const next = addRecordedTest(useTestsStore.getState().tests, test);
    useTestsStore.setState({ tests: next, selected: next.length - 1, notes });
    useUiStore.setState((ui) => ({ bottomOpen: true, bottomTab: "tests", bottomHeight: Math.max(ui.bottomHeight, 320) }));
    return true;
  } catch (error) {
    showToast(`Could not record the run: ${(error as Error).message}`, "error", 6000);
    return false;
  }
}
