import { END, START, type GraphEdge } from "../../shared/graph-doc";
import { docCommand } from "./command";
import { freeEdgeId } from "./node-ids";
import { rulesFrom } from "./rules";

export interface ConnectInput {
  source: string;
  target: string;
}

/**
 * Connects two nodes. From START it sets the graph's entry. A new edge from a node that already
 * routes by rules becomes its next rule ("otherwise" if the node has none yet), so the graph stays
 * runnable. Connecting the same pair twice, or into START, does nothing. Enters history.
 */
export const connectNodes = docCommand<ConnectInput>({
  title: "Connect nodes",
  entersHistory: true,
  apply(doc, { source, target }) {
    if (target === START || source === END) return { doc };
    if (source === START) return { doc: doc.entry === target ? doc : { ...doc, entry: target } };
    if (doc.edges.some((edge) => edge.source === source && edge.target === target)) return { doc };
    const id = freeEdgeId(doc, source, target);
    const rules = rulesFrom(doc, source);
    const edge: GraphEdge = { id, source, target };
    if (rules.length > 0) {
      const hasOtherwise = rules.some((rule) => rule.when?.type === "otherwise");
      edge.when = hasOtherwise ? { type: "has-tool-calls" } : { type: "otherwise" };
      edge.order = rules.length;
    }
    return { doc: { ...doc, edges: [...doc.edges, edge] }, select: { edges: [id] } };
  },
});
