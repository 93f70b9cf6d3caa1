import { testsApi } from "../../client/tests-api";
import { emptyTests, testsDirty, useTestsStore } from "../../stores/tests-store";
import { fromFileResponse, saveTests } from "./save-tests";

/** Reads the graph's tests (GET /switchyard/tests/:graph); the editor keeps its selection when it still fits. */
export async function loadTests(graph: string): Promise<void> {
  // Edits of the previous graph's tests are saved, not dropped, when another graph opens.
  if (useTestsStore.getState().graph !== graph && testsDirty(useTestsStore.getState())) await saveTests();
  const previous = useTestsStore.getState();
  const sameGraph = previous.graph === graph;
  useTestsStore.setState(sameGraph ? { loading: true } : { ...emptyTests(), graph, loading: true });
  try {
    const response = await testsApi.read(graph);
    if (useTestsStore.getState().graph !== graph) return;
    const next = fromFileResponse(response);
    const selected = sameGraph && previous.selected !== null && previous.selected < (next.tests?.length ?? 0) ? previous.selected : null;
    useTestsStore.setState({ ...next, selected, loading: false });
  } catch (error) {
    useTestsStore.setState({ loading: false, error: `Could not read the tests: ${(error as Error).message}` });
  }
}
