import { isForEach } from "./conditions";
import { END, messagesFieldOf, type GraphDoc, type GraphEdge, type GraphNode, type Reducer, type FieldType } from "./graph-doc";
import { parseGraphDoc } from "./graph-parse";
import { graphOf, subgraphProblems, type WorkspaceGraphs } from "./graph-validate-subgraphs";
import type { Problem } from "./problem";
import { toolDefinitionProblems } from "./tool-validate";

export type { WorkspaceGraphs } from "./graph-validate-subgraphs";

export type ValidationResult = { ok: true; doc: GraphDoc; problems: [] } | { ok: false; doc?: GraphDoc; problems: Problem[] };

/**
 * Shape first (schema), then meaning: wiring, reachability, fallbacks, tools and fields. With the
 * workspace's other graphs, subgraph nodes are checked too (the graph exists, no cycle of graphs,
 * shared fields agree); without it those checks wait for whoever can read the workspace.
 */
export function validateGraphDoc(value: unknown, workspace?: WorkspaceGraphs): ValidationResult {
  const parsed = parseGraphDoc(value);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const problems = semanticProblems(parsed.doc, workspace);
  return problems.length === 0 ? { ok: true, doc: parsed.doc, problems: [] } : { ok: false, doc: parsed.doc, problems };
}

export function semanticProblems(doc: GraphDoc, workspace?: WorkspaceGraphs): Problem[] {
  return [
    ...duplicateIds(doc),
    ...fieldProblems(doc),
    ...wiringProblems(doc),
    ...fallbackProblems(doc),
    ...forEachProblems(doc, workspace),
    ...toolProblems(doc),
    ...toolDefinitionProblems(doc),
    ...unreachableNodes(doc),
    ...(workspace ? subgraphProblems(doc, workspace) : []),
  ];
}

function duplicateIds(doc: GraphDoc): Problem[] {
  const problems: Problem[] = [];
  const seenNodes = new Set<string>();
  doc.nodes.forEach((node, i) => {
    if (seenNodes.has(node.id)) problems.push({ path: `nodes[${i}].id`, message: `duplicate node id "${node.id}"`, nodeId: node.id });
    seenNodes.add(node.id);
  });
  const seenEdges = new Set<string>();
  doc.edges.forEach((edge, i) => {
    if (seenEdges.has(edge.id)) problems.push({ path: `edges[${i}].id`, message: `duplicate edge id "${edge.id}"`, edgeId: edge.id });
    seenEdges.add(edge.id);
  });
  return problems;
}

const reducerFits: Record<Reducer, (type: FieldType) => boolean> = {
  messages: (type) => type === "messages",
  replace: (type) => type !== "messages",
  append: (type) => type === "list" || type === "any",
  sum: (type) => type === "number" || type === "any",
  merge: (type) => type === "object" || type === "any",
};

function fieldProblems(doc: GraphDoc): Problem[] {
  const problems: Problem[] = [];
  for (const [name, field] of Object.entries(doc.state.fields)) {
    if (!reducerFits[field.reducer](field.type)) {
      problems.push({ path: `state.fields.${name}.reducer`, message: `reducer "${field.reducer}" does not fit a ${field.type} field` });
    }
  }
  const needsMessages = doc.nodes.findIndex((node) => node.kind === "llm" || node.kind === "tools" || node.kind === "human");
  if (needsMessages >= 0 && !messagesFieldOf(doc)) {
    const node = doc.nodes[needsMessages];
    problems.push({ path: `nodes[${needsMessages}].kind`, message: `a ${node.kind} node needs a state field of type "messages"`, nodeId: node.id });
  }
  doc.nodes.forEach((node, i) => {
    if (node.kind === "subgraph" && !node.config.graph) {
      problems.push({ path: `nodes[${i}].config.graph`, message: `subgraph node "${node.id}" runs no graph yet: choose a graph of the workspace`, nodeId: node.id });
    }
    if (node.kind !== "set") return;
    for (const field of Object.keys(node.config.values)) {
      if (!(field in doc.state.fields)) {
        problems.push({ path: `nodes[${i}].config.values.${field}`, message: `no state field "${field}"`, nodeId: node.id });
      }
    }
  });
  doc.edges.forEach((edge, i) => {
    if (edge.when?.type === "field-equals" && !(edge.when.field in doc.state.fields)) {
      problems.push({ path: `edges[${i}].when.field`, message: `no state field "${edge.when.field}"`, edgeId: edge.id });
    }
  });
  return problems;
}

function wiringProblems(doc: GraphDoc): Problem[] {
  const ids = new Set(doc.nodes.map((node) => node.id));
  const problems: Problem[] = [];
  if (!ids.has(doc.entry)) problems.push({ path: "entry", message: `entry "${doc.entry}" is not a node of this graph` });
  doc.edges.forEach((edge, i) => {
    if (!ids.has(edge.source)) problems.push({ path: `edges[${i}].source`, message: `edge from missing node "${edge.source}"`, edgeId: edge.id });
    if (!ids.has(edge.target) && edge.target !== END) problems.push({ path: `edges[${i}].target`, message: `edge to missing node "${edge.target}"`, edgeId: edge.id });
  });
  // A node without outgoing edges is not a problem: as in LangGraph, the run ends after it.
  return problems;
}

function fallbackProblems(doc: GraphDoc): Problem[] {
  const problems: Problem[] = [];
  const outgoingOf = outgoingEdges(doc);
  doc.nodes.forEach((node, index) => {
    // A for-each edge fans out beside the node's other edges: it is neither a rule nor a plain edge.
    const outgoing = (outgoingOf.get(node.id) ?? []).filter((edge) => !isForEach(edge.when));
    const conditional = outgoing.filter((edge) => edge.when);
    if (conditional.length === 0) return;
    if (!conditional.some((edge) => edge.when?.type === "otherwise")) {
      problems.push({ path: `nodes[${index}]`, message: `"${node.id}" has conditional edges but no "otherwise" fallback`, nodeId: node.id });
    }
    if (conditional.length !== outgoing.length) {
      problems.push({ path: `nodes[${index}]`, message: `"${node.id}" mixes plain and conditional edges; give the plain edge a rule (e.g. "otherwise")`, nodeId: node.id });
    }
  });
  return problems;
}

/** The list a for-each edge maps over is a field of this graph; `as` is a field of the graph its target runs in. */
function forEachProblems(doc: GraphDoc, workspace: WorkspaceGraphs | undefined): Problem[] {
  const problems: Problem[] = [];
  doc.edges.forEach((edge, i) => {
    if (!isForEach(edge.when)) return;
    const { field, as } = edge.when;
    const list = doc.state.fields[field];
    if (!list) problems.push({ path: `edges[${i}].when.field`, message: `for-each maps over "${field}", which is not a state field`, edgeId: edge.id });
    else if (list.type !== "list" && list.type !== "any") problems.push({ path: `edges[${i}].when.field`, message: `for-each maps over "${field}", a ${list.type} field: it needs a list`, edgeId: edge.id });
    if (edge.target === END) {
      problems.push({ path: `edges[${i}].target`, message: "a for-each edge sends its tasks to a node, not to END", edgeId: edge.id });
      return;
    }
    const target = doc.nodes.find((node) => node.id === edge.target);
    const targetGraph = target?.kind === "subgraph" ? (workspace ? graphOf(target.config.graph, doc, workspace) : undefined) : doc;
    if (targetGraph && !(as in targetGraph.state.fields)) {
      const where = targetGraph === doc ? "this graph" : `graph "${targetGraph.name}" (run by "${edge.target}")`;
      problems.push({ path: `edges[${i}].when.as`, message: `for-each gives each task its item as "${as}", which is not a state field of ${where}`, edgeId: edge.id });
    }
  });
  return problems;
}

/** Edges by source node, in document order: the checks stay linear on graphs of thousands of nodes. */
function outgoingEdges(doc: GraphDoc): Map<string, GraphEdge[]> {
  const bySource = new Map<string, GraphEdge[]>();
  for (const edge of doc.edges) {
    const list = bySource.get(edge.source);
    if (list) list.push(edge);
    else bySource.set(edge.source, [edge]);
  }
  return bySource;
}

/** Every tool a model may call must be run by a tools node or answered by a human node. */
export function knownToolNames(doc: GraphDoc): Set<string> {
  const names = new Set<string>();
  for (const node of doc.nodes) {
    if (node.kind === "tools") node.config.tools.forEach((tool) => names.add(tool.name));
    if (node.kind === "human") names.add(node.config.askTool);
  }
  return names;
}

function toolProblems(doc: GraphDoc): Problem[] {
  const known = knownToolNames(doc);
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind !== "llm") return;
    node.config.tools.forEach((name, t) => {
      if (!known.has(name)) problems.push({ path: `nodes[${i}].config.tools[${t}]`, message: `no tools node or human node provides tool "${name}"`, nodeId: node.id });
    });
    node.config.replies.forEach((reply, r) =>
      reply.toolCalls.forEach((call, c) => {
        if (!node.config.tools.includes(call.name)) {
          problems.push({ path: `nodes[${i}].config.replies[${r}].toolCalls[${c}].name`, message: `calls tool "${call.name}", which is not bound to this model`, nodeId: node.id });
        }
      }),
    );
  });
  doc.edges.forEach((edge: GraphEdge, i) => {
    if (edge.when?.type === "calls-tool" && !known.has(edge.when.tool)) {
      problems.push({ path: `edges[${i}].when.tool`, message: `no tools node or human node provides tool "${edge.when.tool}"`, edgeId: edge.id });
    }
  });
  return problems;
}

function unreachableNodes(doc: GraphDoc): Problem[] {
  const outgoingOf = outgoingEdges(doc);
  const reached = new Set<string>([doc.entry]);
  const queue = [doc.entry];
  for (let next = 0; next < queue.length; next++) {
    for (const edge of outgoingOf.get(queue[next]) ?? []) {
      if (!reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return doc.nodes.flatMap((node: GraphNode, i) =>
    reached.has(node.id) ? [] : [{ path: `nodes[${i}]`, message: `"${node.id}" cannot be reached from START`, nodeId: node.id }],
  );
}
