import { FLOW_TESTS_VERSION } from "../../../shared/flow-test";
import type { FlowTestsFileResponse } from "../../../shared/flow-test-result";
import { ApiError } from "../../client/request";
import { testsApi } from "../../client/tests-api";
import { testsDirty, useTestsStore, type TestsState } from "../../stores/tests-store";
import { showToast } from "../../stores/ui-store";

/**
 * Saves the draft tests (PUT /switchyard/tests/:graph with the hash they were read at). Returns
 * false when the server refused them (a schema problem, or the file changed on disk).
 */
export function saveTests(): Promise<boolean> {
  const saving = save();
  inFlight = saving;
  void saving.finally(() => {
    if (inFlight === saving) inFlight = null;
  });
  return saving;
}

let inFlight: Promise<boolean> | null = null;

/** Resolves once a save under way has finished (its file event must be compared with the hash it returned). */
export async function testsSaveInFlight(): Promise<void> {
  await inFlight;
}

async function save(): Promise<boolean> {
  const state = useTestsStore.getState();
  if (!state.graph) return false;
  if (!testsDirty(state)) return true;
  const sent = state.tests;
  try {
    const response = await testsApi.save(state.graph, { version: FLOW_TESTS_VERSION, tests: sent }, state.hash, state.renames);
    const saved = fromFileResponse(response);
    // Edits made while saving stay in the draft.
    const edited = useTestsStore.getState().tests !== sent;
    useTestsStore.setState({ ...saved, ...(edited ? { tests: useTestsStore.getState().tests } : {}) });
    return true;
  } catch (error) {
    const message = error instanceof ApiError && error.status === 409 ? "The tests file changed on disk; reload the tests to see it (your edits are kept until then)." : `Could not save the tests: ${(error as Error).message}`;
    useTestsStore.setState({ error: message });
    showToast(message, "error", 6000);
    return false;
  }
}

/** What the store keeps of a read or saved tests file. */
export function fromFileResponse(response: FlowTestsFileResponse): Partial<TestsState> {
  const tests = response.doc?.tests ?? [];
  return { tests, savedTests: tests, hash: response.hash, file: response.file, problems: response.problems, results: response.last_results, cassettes: response.cassettes ?? {}, renames: {}, error: response.doc ? null : `${response.file} does not match the schema: fix it in a text editor` };
}
