import type { Condition } from "../../shared/conditions";
import type { GraphEdge } from "../../shared/graph-doc";
import { docCommand } from "./command";
import { rulesFrom } from "./rules";

export interface SetEdgeRuleInput {
  id: string;
  /** undefined: the edge is taken always (a plain edge). */
  when: Condition | undefined;
}

/** Gives an edge a routing rule, changes it, or makes the edge plain. A new rule goes last. Enters history. */
export const setEdgeRule = docCommand<SetEdgeRuleInput>({
  title: "Edit edge rule",
  entersHistory: true,
  apply(doc, { id, when }) {
    const edge = doc.edges.find((candidate) => candidate.id === id);
    if (!edge || JSON.stringify(edge.when) === JSON.stringify(when)) return { doc };
    let next: GraphEdge;
    if (!when) {
      next = { id: edge.id, source: edge.source, target: edge.target };
    } else if (edge.when) {
      next = { ...edge, when };
    } else {
      const others = rulesFrom(doc, edge.source);
      next = { ...edge, when, order: others.length ? Math.max(...others.map((rule) => rule.order ?? 0)) + 1 : 0 };
    }
    return { doc: { ...doc, edges: doc.edges.map((candidate) => (candidate.id === id ? next : candidate)) } };
  },
});
