import { ApiError } from "../client/request";
import { switchyardApi } from "../client/switchyard-api";
import { markSaved, useGraphStore } from "../stores/graph-store";
import { isEditableGraph } from "../stores/open-graph-store";
import { showToast } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { setWorkspaceGraph } from "../stores/workspace-graphs-store";

let inFlight: Promise<void> | null = null;

/**
 * Writes the open document through PUT /switchyard/graphs/:name with the hash it was read at.
 * A 409 (changed on disk meanwhile) opens the conflict prompt instead of overwriting.
 * Not a document change: it never enters undo history.
 */
export function saveGraph(options: { force?: boolean } = {}): Promise<void> {
  if (inFlight) return inFlight.then(() => saveGraph(options));
  inFlight = doSave(options).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export function saveInFlight(): Promise<void> | null {
  return inFlight;
}

async function doSave({ force }: { force?: boolean }): Promise<void> {
  const { graphName, doc, savedDoc, hash } = useGraphStore.getState();
  // Only a workspace graph has a file: a drawn graph's breakpoints live in this window.
  if (!graphName || !doc || !isEditableGraph()) return;
  if (doc === savedDoc && !force) return;
  if (useWorkspaceStore.getState().conflict && !force) return;
  useWorkspaceStore.setState({ saveStatus: "saving", saveError: null });
  try {
    const result = await switchyardApi.writeGraph(graphName, doc, force ? undefined : hash);
    if (useGraphStore.getState().graphName === graphName) markSaved(doc, result.hash);
    setWorkspaceGraph(graphName, doc);
    useWorkspaceStore.setState((state) => ({
      saveStatus: "idle",
      graphs: state.graphs.map((graph) => (graph.name === graphName ? { ...graph, valid: result.problems.length === 0, problems: result.problems } : graph)),
    }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      useWorkspaceStore.setState({ saveStatus: "idle", conflict: { graphName, reason: "save-refused" } });
      return;
    }
    const message = (error as Error).message;
    useWorkspaceStore.setState({ saveStatus: "error", saveError: message });
    showToast(`Could not save "${graphName}": ${message}`, "error");
  }
}
