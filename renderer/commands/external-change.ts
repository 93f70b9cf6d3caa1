import type { WorkspaceEvent } from "../client/workspace-events";
import { switchyardApi } from "../client/switchyard-api";
import { closeDoc, loadDoc, useGraphStore } from "../stores/graph-store";
import { showToast } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { refreshWorkspace } from "./refresh-workspace";
import { saveInFlight } from "./save-graph";
import { reloadCodeGraph } from "./code-graph/open-drawn-graph";
import { handleTestsChangedOnDisk } from "./tests/tests-changed-on-disk";

/**
 * A graph file changed on disk (the server's SSE events). The open graph reloads when it has
 * no unsaved edits; with edits, the conflict prompt asks which version to keep. Tests files have
 * their own handling (tests/tests-changed-on-disk.ts).
 */
export async function handleWorkspaceEvent(event: WorkspaceEvent): Promise<void> {
  if (event.type === "tests-changed") return handleTestsChangedOnDisk(event.name, event.hash);
  await saveInFlight(); // our own save's event must be compared with the hash that save returned
  if (event.type === "code-graph-reloaded") {
    await refreshWorkspace();
    return reloadCodeGraph(event.name);
  }
  void refreshWorkspace();
  const { graphName, hash, doc, savedDoc } = useGraphStore.getState();
  if (event.name !== graphName) return;
  if (event.type === "graph-deleted") {
    closeDoc();
    history.replaceState(null, "", "#/");
    showToast(`"${event.name}" was deleted on disk.`, "info");
    return;
  }
  if (event.hash && event.hash === hash) return;
  if (doc !== savedDoc) {
    useWorkspaceStore.setState({ conflict: { graphName: event.name, reason: "changed-on-disk", diskHash: event.hash } });
    return;
  }
  // The event may be an earlier save of ours arriving late: then the file holds what we saved last.
  if (await reloadFromDisk(event.name, { unlessHash: hash })) showToast(`"${event.name}" changed on disk and was reloaded.`, "info");
}

/**
 * Replaces the open document with the file on disk (the conflict prompt's "use disk version"),
 * unless the file's hash is `unlessHash`. Says whether it reloaded.
 */
export async function reloadFromDisk(name: string, { unlessHash }: { unlessHash?: string | null } = {}): Promise<boolean> {
  const file = await switchyardApi.readGraph(name);
  if (useGraphStore.getState().graphName !== name) return false;
  if (unlessHash && file.hash === unlessHash) return false;
  loadDoc(file.name, file.doc, file.hash, file.doc ? [] : file.problems, file.text);
  useWorkspaceStore.setState({ conflict: null });
  return true;
}
