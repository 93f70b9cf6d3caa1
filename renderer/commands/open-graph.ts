import { hasUnsavedEdits } from "../stores/unsaved-edits";
import { switchyardApi } from "../client/switchyard-api";
import { loadDoc, useGraphStore } from "../stores/graph-store";
import { showToast } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { saveGraph } from "./save-graph";
import { takePrefetchedGraph } from "./startup-prefetch";
import { closeDrawnGraph, openCodeGraph } from "./code-graph/open-drawn-graph";
import { openWorkspaceGraph } from "../stores/open-graph-store";
import { loadPins } from "./replay/pins";

/**
 * Opens a graph from disk (saving the open one first if it has edits). Starts a fresh undo
 * history. Remembers the graph in the URL hash so a reload reopens it.
 */
export async function openGraph(name: string, options: { keepEdits?: boolean } = {}): Promise<void> {
  const current = useGraphStore.getState();
  if (!options.keepEdits && current.graphName && current.graphName !== name && hasUnsavedEdits()) {
    await saveGraph();
  }
  const info = useWorkspaceStore.getState().graphs.find((graph) => graph.name === name);
  if (info?.source === "code") return openCodeGraph(info);
  closeDrawnGraph();
  try {
    const file = await (takePrefetchedGraph(name) ?? switchyardApi.readGraph(name));
    openWorkspaceGraph(file.name);
    loadDoc(file.name, file.doc, file.hash, file.doc ? [] : file.problems, file.text);
    void loadPins(file.name);
    useWorkspaceStore.setState({ conflict: null, saveError: null, saveStatus: "idle" });
    if (window.location.hash !== `#/graph/${encodeURIComponent(name)}`) {
      history.replaceState(null, "", `#/graph/${encodeURIComponent(name)}`);
    }
  } catch (error) {
    showToast(`Could not open "${name}": ${(error as Error).message}`, "error");
  }
}

export function graphNameFromLocation(): string | null {
  const match = /^#\/graph\/(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}
