import { useWorkspaceStore } from "../stores/workspace-store";
import { graphNameFromLocation, openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";

/** What every start does first: read the workspace, then open the graph the URL names (else the first). */
export async function openStartupGraph(): Promise<void> {
  await refreshWorkspace();
  const fromUrl = graphNameFromLocation();
  const graphs = useWorkspaceStore.getState().graphs;
  const name = fromUrl && graphs.some((graph) => graph.name === fromUrl) ? fromUrl : graphs[0]?.name;
  if (name) await openGraph(name);
}
