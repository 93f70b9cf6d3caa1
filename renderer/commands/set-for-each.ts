import type { ForEachCondition } from "../../shared/conditions";
import { END, type GraphDoc, type GraphEdge } from "../../shared/graph-doc";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { docCommand } from "./command";

export interface SetForEachInput {
  id: string;
  /** undefined: the edge becomes a plain edge again. */
  forEach: Omit<ForEachCondition, "type"> | undefined;
}

/** A for-each condition that can be refused before it touches the document. */
export class ForEachChoiceError extends Error {
  override name = "ForEachChoiceError";
}

/** The list fields a for-each edge can map over: the source graph's list (or any) fields. */
export function listFieldsOf(doc: GraphDoc): string[] {
  return Object.entries(doc.state.fields)
    .filter(([, field]) => field.type === "list" || field.type === "any")
    .map(([name]) => name);
}

/** The fields a task's item can go in: the state fields of the graph the target node runs in (a subgraph node's own graph). */
export function itemFieldsOf(doc: GraphDoc, edge: GraphEdge, workspace: WorkspaceGraphs | undefined): string[] {
  if (edge.target === END) return [];
  const target = doc.nodes.find((node) => node.id === edge.target);
  if (target?.kind === "subgraph") {
    const child = workspace && target.config.graph ? graphOf(target.config.graph, doc, workspace) : undefined;
    return child ? Object.keys(child.state.fields) : [];
  }
  return Object.keys(doc.state.fields);
}

/** The first for-each a person would mean on this edge: the first list field, its item in the first other field of the target's graph. */
export function defaultForEach(doc: GraphDoc, edge: GraphEdge, workspace: WorkspaceGraphs | undefined): Omit<ForEachCondition, "type"> {
  const lists = listFieldsOf(doc);
  if (lists.length === 0) throw new ForEachChoiceError(`"${edge.source}" → "${edge.target}" cannot map: this graph has no list field (add a state field of type list first)`);
  if (edge.target === END) throw new ForEachChoiceError("a for-each edge sends its tasks to a node, not to END");
  const items = itemFieldsOf(doc, edge, workspace);
  const field = lists[0];
  const as = items.find((name) => name !== field && doc.state.fields[name]?.type !== "messages") ?? items[0];
  if (!as) throw new ForEachChoiceError(`"${edge.target}" has no state field to hold each item: add one to its graph first`);
  return { field, as };
}

/**
 * Makes an edge a for-each (LangGraph `Send`: one task per item of a list field, the item in
 * `as`), changes its field or item, or makes it plain again. Enters history. The list field must
 * be a list field of this graph; `as` is checked by the validator (it may name a field of a
 * subgraph's graph).
 */
export const setForEach = docCommand<SetForEachInput>({
  title: "Edit for-each (map over a list)",
  entersHistory: true,
  apply(doc, { id, forEach }) {
    const edge = doc.edges.find((candidate) => candidate.id === id);
    if (!edge) return { doc };
    if (forEach && !listFieldsOf(doc).includes(forEach.field)) throw new ForEachChoiceError(`for-each maps over a list field: "${forEach.field}" is not one (${listFieldsOf(doc).join(", ") || "this graph has none"})`);
    const next: GraphEdge = forEach ? { id: edge.id, source: edge.source, target: edge.target, when: { type: "for-each", field: forEach.field, as: forEach.as } } : { id: edge.id, source: edge.source, target: edge.target };
    if (JSON.stringify(next) === JSON.stringify(edge)) return { doc };
    return { doc: { ...doc, edges: doc.edges.map((candidate) => (candidate.id === id ? next : candidate)) } };
  },
});
