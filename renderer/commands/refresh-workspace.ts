import { switchyardApi, type GraphSummary } from "../client/switchyard-api";
import { setWorkspaceGraphs } from "../stores/workspace-graphs-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { takePrefetchedWorkspace } from "./startup-prefetch";

/** Re-reads the workspace's graph list, then the documents of its graphs (for the subgraph checks). Not a document change. */
export async function refreshWorkspace(): Promise<void> {
  try {
    const info = await (takePrefetchedWorkspace() ?? switchyardApi.workspace());
    useWorkspaceStore.setState({ name: info.name, path: info.path, graphs: info.graphs, loaded: true, error: null });
    void loadWorkspaceGraphs(info.graphs);
  } catch (error) {
    useWorkspaceStore.setState({ loaded: true, error: `Cannot reach the Switchyard server: ${(error as Error).message}` });
  }
}

/** Reads every document graph of the workspace; one that cannot be read counts as one that does not parse. */
export async function loadWorkspaceGraphs(graphs: readonly GraphSummary[]): Promise<void> {
  const documents = graphs.filter((graph) => graph.source !== "code");
  const entries = await Promise.all(
    documents.map(async (graph) => {
      try {
        const file = await switchyardApi.readGraph(graph.name);
        return [graph.name, file.doc ?? undefined] as const;
      } catch {
        return [graph.name, undefined] as const;
      }
    }),
  );
  // A later refresh may have finished first: keep the answer for the list on screen.
  if (useWorkspaceStore.getState().graphs !== graphs) return;
  setWorkspaceGraphs(entries);
}
