import type { GraphDoc } from "../../shared/graph-doc";

export class UnknownNodeError extends Error {
  override name = "UnknownNodeError";
  constructor(readonly nodeId: string, readonly graphName: string, readonly known: string[], readonly field = "node") {
    super(`${field}: unknown node "${nodeId}" in graph "${graphName}" (nodes: ${known.join(", ")})`);
  }
}

/** Checks node names given by a user (interrupt lists, as_node) before they reach LangGraph. */
export function checkNodeNames(doc: GraphDoc, names: string[] | "*" | undefined, field: string): void {
  if (!names || names === "*") return;
  const known = doc.nodes.map((node) => node.id);
  for (const name of names) {
    if (!known.includes(name)) throw new UnknownNodeError(name, doc.name, known, field);
  }
}
