import { hasUnsavedEdits } from "../stores/unsaved-edits";
import { useGraphStore } from "../stores/graph-store";

/**
 * A read-only window into the open document for end-to-end tests and bug reports
 * (`switchyard.doc()` in the devtools console). It exposes nothing the UI does not show.
 */
export function exposeTestHandle(): void {
  (window as unknown as { switchyard: unknown }).switchyard = {
    doc: () => structuredClone(useGraphStore.getState().doc),
    graphName: () => useGraphStore.getState().graphName,
    dirty: hasUnsavedEdits,
  };
}
