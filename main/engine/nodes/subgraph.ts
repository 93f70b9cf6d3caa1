import type { GraphDoc, NodeOfKind } from "../../../shared/graph-doc";

export class SubgraphNotFoundError extends Error {
  override name = "SubgraphNotFoundError";
  constructor(readonly nodeId: string, readonly graphId: string) {
    super(`subgraph node "${nodeId}" runs graph "${graphId}", which was not given to the compiler (pass the workspace's graphs)`);
  }
}

/** Interrupt lists inside subgraphs, named as LangGraph's xray drawing names nodes: `research:ask_human`. */
export interface InterruptsInside {
  before?: string[];
  after?: string[];
}

/** The names in `names` that are inside the subgraph node `nodeId`, relative to it (`research:a:b` -> `a:b`). */
export function namesInside(names: string[] | undefined, nodeId: string): string[] {
  const prefix = `${nodeId}:`;
  return (names ?? []).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

/**
 * A subgraph node is the child document compiled as its own StateGraph and added as the node
 * itself, as LangGraph does it: the child reads the parent's fields of the same name, its other
 * fields stay in its own checkpoint namespace, and its output for the shared fields goes through
 * the parent's reducers. It is compiled without a saver so it checkpoints in the parent's.
 */
export function subgraphNode<Compiled>(
  node: NodeOfKind<"subgraph">,
  child: GraphDoc | undefined,
  interrupts: InterruptsInside,
  compileChild: (doc: GraphDoc, interrupts: InterruptsInside) => Compiled,
): Compiled {
  if (!child) throw new SubgraphNotFoundError(node.id, node.config.graph);
  return compileChild(child, { before: namesInside(interrupts.before, node.id), after: namesInside(interrupts.after, node.id) });
}
