import type { GraphDoc } from "./graph-doc";
import { graphOf, type WorkspaceGraphs } from "./graph-validate-subgraphs";

/** How flow tests and the debugger name a node inside a subgraph: `research > search`. */
export const NODE_PATH_SEPARATOR = " > ";

/**
 * The graph's nodes, then the nodes inside its subgraph nodes, each named by its path from this
 * graph joined with `separator` (`research > search`; LangGraph's xray drawing uses ":").
 */
export function nodePathsOf(doc: GraphDoc, workspace: WorkspaceGraphs | undefined, separator = NODE_PATH_SEPARATOR, seen: ReadonlySet<string> = new Set()): string[] {
  const names = doc.nodes.map((node) => node.id);
  if (!workspace || seen.has(doc.name)) return names;
  const inside = new Set([...seen, doc.name]);
  for (const node of doc.nodes) {
    if (node.kind !== "subgraph") continue;
    const child = graphOf(node.config.graph, doc, workspace);
    if (child) names.push(...nodePathsOf(child, workspace, separator, inside).map((name) => `${node.id}${separator}${name}`));
  }
  return names;
}

/** The document a node path's last node is in, and that node's id: `research > approve` -> (researcher, approve). */
export function resolveNodePath(doc: GraphDoc, path: string, workspace: WorkspaceGraphs | undefined): { doc: GraphDoc; nodeId: string } | undefined {
  const parts = path.split(NODE_PATH_SEPARATOR.trim()).map((part) => part.trim());
  let current: GraphDoc | undefined = doc;
  for (const part of parts.slice(0, -1)) {
    const node = current?.nodes.find((candidate) => candidate.id === part);
    if (!current || node?.kind !== "subgraph" || !workspace) return undefined;
    current = graphOf(node.config.graph, current, workspace);
  }
  const nodeId = parts.at(-1)!;
  return current?.nodes.some((node) => node.id === nodeId) ? { doc: current, nodeId } : undefined;
}
