import { isForEach } from "../../shared/conditions";
import type { GraphDoc, GraphEdge } from "../../shared/graph-doc";

/** An edge with a routing rule (a for-each edge fans out whatever the rules say: it is not one). */
const isRule = (edge: GraphEdge) => !!edge.when && !isForEach(edge.when);

/** The conditional edges of one source in the order the engine tries them ("otherwise" last). */
export function rulesFrom(doc: GraphDoc, source: string): GraphEdge[] {
  return inRuleOrder(doc.edges.filter((edge) => edge.source === source && isRule(edge)));
}

/** rulesFrom for every source that has rules, in one pass over the edges. */
export function rulesBySource(doc: GraphDoc): Map<string, GraphEdge[]> {
  const bySource = new Map<string, GraphEdge[]>();
  for (const edge of doc.edges) {
    if (!isRule(edge)) continue;
    const rules = bySource.get(edge.source);
    if (rules) rules.push(edge);
    else bySource.set(edge.source, [edge]);
  }
  for (const [source, rules] of bySource) bySource.set(source, inRuleOrder(rules));
  return bySource;
}

function inRuleOrder(rules: GraphEdge[]): GraphEdge[] {
  return rules
    .map((edge, index) => ({ edge, index }))
    .sort((a, b) => otherwiseLast(a.edge) - otherwiseLast(b.edge) || (a.edge.order ?? 0) - (b.edge.order ?? 0) || a.index - b.index)
    .map(({ edge }) => edge);
}

function otherwiseLast(edge: GraphEdge): number {
  return edge.when?.type === "otherwise" ? 1 : 0;
}

/** Rewrites `order` of a source's rules to 0..n-1 in the given sequence. */
export function withRuleOrder(doc: GraphDoc, ordered: GraphEdge[]): GraphDoc {
  const order = new Map(ordered.map((edge, i) => [edge.id, i]));
  return {
    ...doc,
    edges: doc.edges.map((edge) => {
      const next = order.get(edge.id);
      if (next === undefined || edge.order === next) return edge;
      return { ...edge, order: next };
    }),
  };
}
