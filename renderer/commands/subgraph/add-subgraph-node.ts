import type { GraphNode } from "../../../shared/graph-doc";
import { docCommand } from "../command";
import { freeNodeId } from "../node-ids";

export interface AddSubgraphNodeInput {
  /** The workspace graph the node runs. */
  graph: string;
  position: { x: number; y: number };
}

/** Adds a subgraph node running a graph of the workspace (its id after the graph) and selects it. Enters history. */
export const addSubgraphNode = docCommand<AddSubgraphNodeInput>({
  title: "Add subgraph node",
  entersHistory: true,
  apply(doc, { graph, position }) {
    const id = freeNodeId(doc, graph);
    const node: GraphNode = { id, kind: "subgraph", position: { x: Math.round(position.x), y: Math.round(position.y) }, config: { graph } };
    return { doc: { ...doc, nodes: [...doc.nodes, node] }, select: { nodes: [id] } };
  },
});
