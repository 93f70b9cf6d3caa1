import { useGraphStore } from "../stores/graph-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { reloadFromDisk } from "./external-change";
import { saveGraph } from "./save-graph";

/** The conflict prompt's two answers: take the disk's version (losing edits) or overwrite it with mine. */
export async function resolveConflict(choice: "use-disk" | "keep-mine"): Promise<void> {
  const conflict = useWorkspaceStore.getState().conflict;
  const name = conflict?.graphName ?? useGraphStore.getState().graphName;
  if (!name) return;
  if (choice === "use-disk") {
    await reloadFromDisk(name);
    return;
  }
  useWorkspaceStore.setState({ conflict: null });
  await saveGraph({ force: true });
}
