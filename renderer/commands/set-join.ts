import type { GraphNode } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface SetJoinInput {
  id: string;
  on: boolean;
}

/**
 * Makes a node wait for all of its unconditional incoming edges of the same run (LangGraph's
 * `addEdge([a, b], node)`), or run once per arriving branch again. Enters history.
 */
export const setJoin = docCommand<SetJoinInput>({
  title: "Toggle join (wait for all incoming branches)",
  entersHistory: true,
  apply(doc, { id, on }) {
    const index = doc.nodes.findIndex((node) => node.id === id);
    if (index < 0 || !!doc.nodes[index].join === on) return { doc };
    const next = { ...doc.nodes[index] } as GraphNode;
    if (on) next.join = true;
    else delete next.join;
    const nodes = doc.nodes.slice();
    nodes[index] = next;
    return { doc: { ...doc, nodes } };
  },
});
