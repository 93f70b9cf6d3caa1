import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import { nodePathsOf } from "../../shared/node-paths";

export class UnknownNodeError extends Error {
  override name = "UnknownNodeError";
  constructor(readonly nodeId: string, readonly graphName: string, readonly known: string[], readonly field = "node") {
    super(`${field}: unknown node "${nodeId}" in graph "${graphName}" (nodes: ${known.join(", ")})`);
  }
}

/** What interrupt lists may name: the graph's nodes and those inside its subgraphs as xray names them (`research:ask_human`). */
export function nodeNamesOf(doc: GraphDoc, graphs?: WorkspaceGraphs): string[] {
  return nodePathsOf(doc, graphs, ":");
}

/** Checks node names given by a user (interrupt lists, as_node) before they reach LangGraph. */
export function checkNodeNames(doc: GraphDoc, names: string[] | "*" | undefined, field: string, graphs?: WorkspaceGraphs): void {
  if (!names || names === "*") return;
  const known = nodeNamesOf(doc, graphs);
  for (const name of names) {
    if (!known.includes(name)) throw new UnknownNodeError(name, doc.name, known, field);
  }
}

/** The names of a list that are inside subgraphs (`research:ask_human`): compiled into the subgraphs. */
export function namesInsideSubgraphs(names: string[] | "*" | undefined): string[] {
  return Array.isArray(names) ? names.filter((name) => name.includes(":")) : [];
}

/**
 * The document that runs at a checkpoint namespace: "" is the graph itself, `research:<task id>`
 * the graph its node `research` runs, `research:<id>|inner:<id>` one level further.
 */
export function docAtNamespace(doc: GraphDoc, namespace: string, graphs?: WorkspaceGraphs): GraphDoc | undefined {
  let current: GraphDoc | undefined = doc;
  for (const part of namespace.split("|").filter(Boolean)) {
    const nodeId = part.split(":")[0];
    const node = current?.nodes.find((candidate) => candidate.id === nodeId);
    if (!current || node?.kind !== "subgraph" || !graphs) return undefined;
    current = graphOf(node.config.graph, current, graphs);
  }
  return current;
}
