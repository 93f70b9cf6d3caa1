import { testsDirty, useTestsStore } from "../../stores/tests-store";
import { askConfirm, showToast } from "../../stores/ui-store";
import { loadTests } from "./load-tests";
import { testsSaveInFlight } from "./save-tests";

/**
 * A graph's tests file changed on disk (another editor, git, `switchyard test` tooling). The Tests
 * panel follows it; with unsaved test edits it asks first, since reloading drops them.
 */
export async function handleTestsChangedOnDisk(graph: string, hash: string | undefined): Promise<void> {
  await testsSaveInFlight(); // our own save's event carries the hash that save returned
  const state = useTestsStore.getState();
  if (state.graph !== graph || (hash ?? null) === state.hash) return;
  const file = `${graph}.tests.json`;
  if (testsDirty(state)) {
    const reload = await askConfirm({
      title: `${file} changed on disk`,
      message: "Another program changed this graph's tests while you have unsaved test edits. Reload the file and drop your edits, or keep editing (saving is then refused until you reload).",
      confirmLabel: "Reload from disk",
      cancelLabel: "Keep my edits",
      danger: true,
    });
    if (!reload || useTestsStore.getState().graph !== graph) return;
  }
  await loadTests(graph);
  showToast(hash ? `${file} changed on disk and was reloaded.` : `${file} was deleted on disk.`, "info");
}
