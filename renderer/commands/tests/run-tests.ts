import type { CassetteRunMode } from "../../../shared/flow-test-result";
import { testsApi } from "../../client/tests-api";
import { useTestsStore } from "../../stores/tests-store";
import { showToast } from "../../stores/ui-store";
import { saveGraph } from "../save-graph";
import { saveTests } from "./save-tests";

/**
 * Runs one test, several, or all (no names) against the saved graph: the graph and the tests are
 * saved first so the run tests what the person sees.
 */
export async function runTests(names?: string[], cassettes?: CassetteRunMode): Promise<void> {
  const { graph, tests, running } = useTestsStore.getState();
  if (!graph || running.length > 0) return;
  await saveGraph();
  if (!(await saveTests())) return;
  const chosen = names ?? tests.map((test) => test.name);
  if (chosen.length === 0) return;
  useTestsStore.setState({ running: chosen, error: null });
  try {
    const report = await testsApi.run(graph, names, cassettes);
    if (useTestsStore.getState().graph !== graph) return;
    const results = { ...useTestsStore.getState().results };
    for (const result of report.results) results[result.name] = result;
    useTestsStore.setState({ results });
    // Recording writes cassettes: read their status again.
    if (cassettes && cassettes !== "replay") useTestsStore.setState({ cassettes: (await testsApi.read(graph)).cassettes ?? {} });
    const { passed, total } = report.summary;
    showToast(passed === total ? `${total} test${total === 1 ? "" : "s"} passed` : `${total - passed} of ${total} test${total === 1 ? "" : "s"} did not pass`, passed === total ? "success" : "error");
  } catch (error) {
    useTestsStore.setState({ error: `Could not run the tests: ${(error as Error).message}` });
    showToast(`Could not run the tests: ${(error as Error).message}`, "error", 6000);
  } finally {
    useTestsStore.setState({ running: [] });
  }
}
