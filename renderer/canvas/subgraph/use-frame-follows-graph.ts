import { useEffect } from "react";
import { expandSubgraph } from "../../commands/subgraph/expand-subgraph";
import { framesOf } from "../../stores/expanded-subgraphs-store";
import { useGraphStore } from "../../stores/graph-store";
import { useWorkspaceGraphsStore } from "../../stores/workspace-graphs-store";

/**
 * An expanded frame is laid out from its graph's document: when that document changes (saved
 * inside, changed on disk) or the node now runs another graph, the frame is laid out again.
 */
export function useFrameFollowsGraph(nodeId: string, graph: string, drawn: boolean): void {
  const childDoc = useWorkspaceGraphsStore((state) => state.graphs?.get(graph));
  const graphName = useGraphStore((state) => state.graphName);
  useEffect(() => {
    const frame = framesOf(graphName)[nodeId];
    if (!frame || !graph) return;
    if (frame.graph !== graph || (childDoc && childDoc !== frame.doc)) void expandSubgraph(nodeId);
  }, [graphName, nodeId, graph, childDoc, drawn]);
}
