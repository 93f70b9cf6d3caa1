import { closeDoc, useGraphStore } from "../stores/graph-store";
import { emptyRun, useRunStore } from "../stores/run-store";
import { closeReadOnlyView } from "./code-graph/open-read-only-graph";
import { saveGraph } from "./save-graph";

/** Closes the open graph (saving its edits first); the window shows the workspace's graph list. */
export async function closeGraph(): Promise<void> {
  const { graphName, doc, savedDoc } = useGraphStore.getState();
  if (!graphName) return;
  if (doc !== savedDoc) await saveGraph();
  closeReadOnlyView();
  closeDoc();
  useRunStore.setState({ ...emptyRun(), graphName: null, threadId: null });
  if (window.location.hash) history.replaceState(null, "", "#/");
}
