import { switchyardApi } from "../client/switchyard-api";
import { closeDoc, useGraphStore } from "../stores/graph-store";
import { askConfirm, showToast } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";

/** Deletes a graph file after the person confirms; there is no undo for this. */
export async function deleteGraph(name: string): Promise<void> {
  const ok = await askConfirm({
    title: `Delete "${name}"?`,
    message: `${name}.graph.json will be deleted from the workspace folder. This cannot be undone.`,
    confirmLabel: "Delete graph",
    danger: true,
  });
  if (!ok) return;
  try {
    await switchyardApi.deleteGraph(name);
    const wasOpen = useGraphStore.getState().graphName === name;
    if (wasOpen) {
      closeDoc();
      history.replaceState(null, "", "#/");
    }
    await refreshWorkspace();
    const next = useWorkspaceStore.getState().graphs[0];
    if (wasOpen && next) await openGraph(next.name);
  } catch (error) {
    showToast(`Could not delete "${name}": ${(error as Error).message}`, "error");
  }
}
