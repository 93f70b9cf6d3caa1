import { switchyardApi } from "../client/switchyard-api";
import { useWorkspaceStore } from "../stores/workspace-store";
import { takePrefetchedWorkspace } from "./startup-prefetch";

/** Re-reads the workspace's graph list. Not a document change. */
export async function refreshWorkspace(): Promise<void> {
  try {
    const info = await (takePrefetchedWorkspace() ?? switchyardApi.workspace());
    useWorkspaceStore.setState({ name: info.name, path: info.path, graphs: info.graphs, loaded: true, error: null });
  } catch (error) {
    useWorkspaceStore.setState({ loaded: true, error: `Cannot reach the Switchyard server: ${(error as Error).message}` });
  }
}
