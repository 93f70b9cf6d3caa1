import { switchyardApi } from "../../client/switchyard-api";
import { layoutFrame } from "../../canvas/subgraph-frame";
import { framesOf, setFrame } from "../../stores/expanded-subgraphs-store";
import { useGraphStore } from "../../stores/graph-store";
import { showToast } from "../../stores/ui-store";
import { workspaceGraphs } from "../../stores/workspace-graphs-store";

/**
 * Expands a subgraph node in place (its graph's nodes drawn inside a frame on this canvas) or
 * collapses it again. A view setting of this window: the graph file and its history do not change.
 */
export async function toggleSubgraphExpanded(nodeId: string): Promise<void> {
  const { graphName } = useGraphStore.getState();
  if (!graphName) return;
  if (framesOf(graphName)[nodeId]) return setFrame(graphName, nodeId, null);
  await expandSubgraph(nodeId);
}

/** Lays out the frame of a subgraph node from its graph's document (as last read from the workspace, else from disk). */
export async function expandSubgraph(nodeId: string): Promise<void> {
  const { graphName, doc } = useGraphStore.getState();
  const node = doc?.nodes.find((candidate) => candidate.id === nodeId);
  if (!graphName || node?.kind !== "subgraph") return;
  const graph = node.config.graph;
  if (!graph) return showToast(`subgraph node "${nodeId}" runs no graph yet: choose one in the inspector first`, "error");
  try {
    const child = workspaceGraphs()?.get(graph) ?? (await switchyardApi.readGraph(graph)).doc;
    if (!child) return showToast(`"${graph}" does not parse as a graph document: open it to see why`, "error");
    const previous = framesOf(graphName)[nodeId];
    setFrame(graphName, nodeId, await layoutFrame(nodeId, graph, child, previous?.highlighted));
  } catch (error) {
    showToast(`Could not expand "${nodeId}": ${(error as Error).message}`, "error");
  }
}
