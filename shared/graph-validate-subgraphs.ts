import type { GraphDoc, NodeOfKind } from "./graph-doc";
import type { Problem } from "./problem";

/**
 * The other graphs of the workspace by graph id, for the checks of subgraph nodes. A graph whose
 * file exists but does not match the schema maps to undefined. Callers pass what they have read:
 * the validator stays pure.
 */
export type WorkspaceGraphs = ReadonlyMap<string, GraphDoc | undefined>;

/** The document being checked wins over its own entry in the workspace (it may hold unsaved edits). */
export function graphOf(id: string, doc: GraphDoc, workspace: WorkspaceGraphs): GraphDoc | undefined {
  return id === doc.name ? doc : workspace.get(id);
}

export function subgraphNodesOf(doc: GraphDoc): Array<NodeOfKind<"subgraph">> {
  return doc.nodes.filter((node): node is NodeOfKind<"subgraph"> => node.kind === "subgraph");
}

/** The named graphs exist, no graph uses itself through its subgraphs, and shared fields agree. */
export function subgraphProblems(doc: GraphDoc, workspace: WorkspaceGraphs): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind !== "subgraph") return;
    const path = `nodes[${i}].config.graph`;
    const name = node.config.graph;
    if (!name) return; // reported by the document's own checks
    if (name !== doc.name && !workspace.has(name)) {
      const known = [...workspace.keys()].filter((id) => id !== doc.name).sort();
      problems.push({ path, message: `subgraph node "${node.id}" runs graph "${name}", which is not in this workspace (no ${name}.graph.json; graphs: ${known.join(", ") || "none"})`, nodeId: node.id });
      return;
    }
    const child = graphOf(name, doc, workspace);
    if (!child) {
      problems.push({ path, message: `subgraph node "${node.id}" runs graph "${name}", whose file does not match the graph schema: fix ${name}.graph.json first`, nodeId: node.id });
      return;
    }
    const cycle = cycleThrough(doc, name, workspace);
    if (cycle) {
      problems.push({ path, message: `subgraph node "${node.id}" makes a cycle of graphs: ${cycle.join(" > ")} (a graph cannot run itself)`, nodeId: node.id });
      return;
    }
    problems.push(...sharedFieldProblems(doc, child, node.id, path));
  });
  return problems;
}

/** The chain of graph ids from `doc` back to itself through `first`, or undefined when there is none. */
function cycleThrough(doc: GraphDoc, first: string, workspace: WorkspaceGraphs): string[] | undefined {
  const visited = new Set<string>();
  const walk = (id: string, chain: string[]): string[] | undefined => {
    if (id === doc.name) return [...chain, id];
    if (visited.has(id)) return undefined;
    visited.add(id);
    const graph = graphOf(id, doc, workspace);
    for (const node of graph ? subgraphNodesOf(graph) : []) {
      const found = walk(node.config.graph, [...chain, id]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(first, [doc.name]);
}

function sharedFieldProblems(parent: GraphDoc, child: GraphDoc, nodeId: string, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const [name, field] of Object.entries(child.state.fields)) {
    const mine = parent.state.fields[name];
    if (!mine || (mine.type === field.type && mine.reducer === field.reducer)) continue;
    problems.push({
      path,
      message:
        `state field "${name}" is a ${mine.type} field with reducer "${mine.reducer}" in graph "${parent.name}" ` +
        `but a ${field.type} field with reducer "${field.reducer}" in graph "${child.name}" (subgraph node "${nodeId}"): ` +
        `shared fields must match, or rename one`,
      nodeId,
    });
  }
  return problems;
}
