import { messagesFieldOf, type GraphDoc, type GraphEdge, type GraphNode } from "../../../shared/graph-doc";
import { graphOf, type WorkspaceGraphs } from "../../../shared/graph-validate-subgraphs";

/** Node kinds that work on the conversation: they need the graph's messages field. */
const CHAT_KINDS = new Set<GraphNode["kind"]>(["llm", "tools", "human"]);

/**
 * The state fields of `doc` that these nodes and edges use, in the document's field order: the
 * messages field for chat nodes, fields named in their configs (templates such as
 * `{{state.topic}}`, a set node's keys, a code node's source, structured output fields), fields
 * the edges' conditions name, and fields a subgraph node among them shares with its own graph.
 * Naming a field anywhere in a node's config counts as using it: one field too many is copied
 * harmlessly (same type and reducer), one too few would break the moved nodes.
 */
export function fieldsUsedBy(doc: GraphDoc, nodes: readonly GraphNode[], edges: readonly GraphEdge[], workspace: WorkspaceGraphs | undefined): string[] {
  const used = new Set<string>();
  const messages = messagesFieldOf(doc);
  if (messages && nodes.some((node) => CHAT_KINDS.has(node.kind))) used.add(messages);
  const words = new Set(nodes.flatMap((node) => JSON.stringify(node.config).match(/[A-Za-z_]\w*/g) ?? []));
  for (const name of Object.keys(doc.state.fields)) if (words.has(name)) used.add(name);
  for (const edge of edges) {
    const when = edge.when;
    if (when?.type === "field-equals") used.add(when.field);
    if (when?.type === "for-each") {
      used.add(when.field);
      used.add(when.as);
    }
    if (messages && when && (when.type === "calls-tool" || when.type === "has-tool-calls" || when.type === "last-message-contains" || when.type === "last-message-from")) used.add(messages);
  }
  for (const node of nodes) {
    if (node.kind !== "subgraph" || !node.config.graph || !workspace) continue;
    const child = graphOf(node.config.graph, doc, workspace);
    for (const name of Object.keys(child?.state.fields ?? {})) used.add(name);
  }
  return Object.keys(doc.state.fields).filter((name) => used.has(name));
}
