import { hasUnsavedEdits } from "../stores/unsaved-edits";
import { closeDoc, useGraphStore } from "../stores/graph-store";
import { emptyRun, useRunStore } from "../stores/run-store";
import { closeOpenGraph } from "../stores/open-graph-store";
import { saveGraph } from "./save-graph";

/** Closes the open graph (saving its edits first); the window shows the workspace's graph list. */
export async function closeGraph(): Promise<void> {
  if (!useGraphStore.getState().graphName) return;
  if (hasUnsavedEdits()) await saveGraph();
  closeOpenGraph();
  closeDoc();
  useRunStore.setState({ ...emptyRun(), graphName: null, threadId: null });
  if (window.location.hash) history.replaceState(null, "", "#/");
}
