import { docCommand } from "./command";
import { rulesFrom, withRuleOrder } from "./rules";

export interface MoveRuleInput {
  id: string;
  /** -1: tried earlier, +1: tried later. */
  by: -1 | 1;
}

/** Re-orders a conditional edge among its source's rules ("otherwise" stays last). Enters history. */
export const moveRule = docCommand<MoveRuleInput>({
  title: "Re-order rule",
  entersHistory: true,
  apply(doc, { id, by }) {
    const edge = doc.edges.find((candidate) => candidate.id === id);
    if (!edge?.when) return { doc };
    const rules = rulesFrom(doc, edge.source);
    const from = rules.findIndex((rule) => rule.id === id);
    const to = from + by;
    if (to < 0 || to >= rules.length || rules[to].when?.type === "otherwise" || edge.when.type === "otherwise") return { doc };
    const ordered = rules.slice();
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    return { doc: withRuleOrder(doc, ordered), select: { edges: [id] } };
  },
});
