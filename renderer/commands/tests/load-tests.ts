import type { FlowTestsFileResponse } from "../../../shared/flow-test-result";
import { testsApi } from "../../client/tests-api";
import { emptyTests, useTestsStore, type TestsState } from "../../stores/tests-store";

/** What the store keeps of a read or saved tests file. */
export function fromFileResponse(response: FlowTestsFileResponse): Partial<TestsState> {
  const tests = response.doc?.tests ?? [];
  return { tests, savedTests: tests, hash: response.hash, file: response.file, problems: response.problems, results: response.last_results, error: response.doc ? null : `${response.file} does not match the schema: fix it in a text editor` };
}

/** Reads the graph's tests (GET /switchyard/tests/:graph); the editor keeps its selection when it still fits. */
export async function loadTests(graph: string): Promise<void> {
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
