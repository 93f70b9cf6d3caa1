import type { GraphNode } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface UpdateNodeConfigInput {
  id: string;
  config: GraphNode["config"];
}

/** Replaces a node's config (the inspector form's output). Enters history; typing in one field coalesces. */
export const updateNodeConfig = docCommand<UpdateNodeConfigInput>({
  title: "Edit node settings",
  entersHistory: true,
  apply(doc, { id, config }) {
    const index = doc.nodes.findIndex((node) => node.id === id);
    if (index < 0 || doc.nodes[index].config === config) return { doc };
    const nodes = doc.nodes.slice();
    nodes[index] = { ...nodes[index], config } as GraphNode;
    return { doc: { ...doc, nodes } };
  },
});
