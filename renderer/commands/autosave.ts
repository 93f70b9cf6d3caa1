import { useGraphStore } from "../stores/graph-store";
import { isEditableGraph } from "../stores/open-graph-store";
import { saveGraph } from "./save-graph";

export const AUTOSAVE_DELAY_MS = 1500;

/** Saves the open graph once edits have paused for a moment. Returns the stop function. */
export function startAutosave(delayMs = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useGraphStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    clearTimeout(timer);
    if (!isEditableGraph() || state.doc === state.savedDoc || state.graphName !== previous.graphName) return;
    timer = setTimeout(() => void saveGraph(), delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
