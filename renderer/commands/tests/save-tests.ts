import { FLOW_TESTS_VERSION } from "../../../shared/flow-test";
import { ApiError } from "../../client/request";
import { testsApi } from "../../client/tests-api";
import { testsDirty, useTestsStore } from "../../stores/tests-store";
import { showToast } from "../../stores/ui-store";
import { fromFileResponse } from "./load-tests";

/**
 * Saves the draft tests (PUT /switchyard/tests/:graph with the hash they were read at). Returns
 * false when the server refused them (a schema problem, or the file changed on disk).
 */
export async function saveTests(): Promise<boolean> {
  const state = useTestsStore.getState();
  if (!state.graph) return false;
  if (!testsDirty(state)) return true;
  const sent = state.tests;
  try {
    const response = await testsApi.save(state.graph, { version: FLOW_TESTS_VERSION, tests: sent }, state.hash);
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
