import type { FlowTest } from "../../../shared/flow-test";
import type { FlowTestResult } from "../../../shared/flow-test-result";
import { useTestsStore } from "../../stores/tests-store";
import { replaceTest, withRename } from "./tests-model";

/** One test of the draft replaced by the editor. A new name takes the test's last result along, and the save tells the server. */
export function editTest(index: number, test: FlowTest): void {
  const state = useTestsStore.getState();
  const before = state.tests[index];
  const tests = replaceTest(state.tests, index, test);
  if (!before || before.name === test.name) return useTestsStore.setState({ tests });
  const savedNames = new Set(state.savedTests.map((saved) => saved.name));
  useTestsStore.setState({ tests, renames: withRename(state.renames, savedNames, before.name, test.name), results: movedResult(state.results, before.name, test.name) });
}

function movedResult(results: Record<string, FlowTestResult>, from: string, to: string): Record<string, FlowTestResult> {
  const moving = results[from];
  if (!moving) return results;
  const { [from]: _moved, ...others } = results;
  return { ...others, [to]: { ...moving, name: to } };
}
