import { isForEach, type Condition } from "../../shared/conditions";
import { END, messagesFieldOf, type GraphDoc, type GraphNode, type NodeOfKind } from "../../shared/graph-doc";
import { semanticProblems, type WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { formatProblem } from "../../shared/problem";
import { InvalidGraphError } from "../engine/compile";

/**
 * What both code emitters need to know about a document, worked out once and in the same
 * order as main/engine/compile.ts builds its StateGraph, so the TypeScript and Python exports
 * have the structure of Switchyard's own graph by construction.
 */
export interface ExportPlan {
  doc: GraphDoc;
  /** The field the chat helpers work on ("messages" when the graph has none). */
  messagesField: string;
  entry: string;
  /** Plain edges (source -> target; target may be END), in the engine's order. */
  edges: Array<{ source: string; target: string }>;
  /** One router per source with conditional edges. */
  routes: ConditionalRoute[];
  /** Nodes with `join: true`: one waiting edge from all their plain incoming edges' sources. */
  joins: Array<{ sources: string[]; target: string }>;
  /** For-each edges: one Send to `target` per item of `field`, the item under `as`. */
  fanOuts: Array<{ id: string; source: string; target: string; field: string; as: string }>;
  /** Subgraph node id -> the plan of the graph it runs (written as its own module). */
  subgraphs: Map<string, ExportPlan>;
  interruptBefore: string[];
  interruptAfter: string[];
}

export interface ConditionalRoute {
  source: string;
  /** Tried in this order; the first that holds picks the target. */
  rules: Array<{ condition: Exclude<Condition, { type: "otherwise" }>; target: string }>;
  /** Where to go when no rule holds: the "otherwise" edge, else END. */
  fallback: string;
  /** Every target the router may return (LangGraph's path map). */
  targets: string[];
}

/** A tool a model is bound to: a mock tool of a tools node, or a human node's ask tool. */
export type BoundTool = { kind: "mock"; definition: ToolDefinition } | { kind: "ask"; name: string; description: string };

/** `graphs`: the workspace's graphs, for the subgraph nodes (each child is planned once, however often it is used). */
export function planExport(doc: GraphDoc, graphs: WorkspaceGraphs = new Map(), planned = new Map<string, ExportPlan>()): ExportPlan {
  const problems = semanticProblems(doc, graphs);
  if (problems.length > 0) throw new InvalidGraphError(doc.name, problems.map(formatProblem));
  const joined = new Set(doc.nodes.filter((node) => node.join).map((node) => node.id));
  const edges: ExportPlan["edges"] = [];
  const routes: ConditionalRoute[] = [];
  const fanOuts: ExportPlan["fanOuts"] = [];
  for (const node of doc.nodes) {
    const outgoing = doc.edges.filter((edge) => edge.source === node.id);
    const conditional = outgoing.filter((edge) => edge.when && !isForEach(edge.when));
    if (conditional.length > 0) routes.push(routeOf(node.id, conditional));
    for (const edge of outgoing) {
      if (isForEach(edge.when)) fanOuts.push({ id: edge.id, source: edge.source, target: edge.target, field: edge.when.field, as: edge.when.as });
    }
    for (const edge of outgoing.filter((candidate) => !candidate.when && !joined.has(candidate.target))) edges.push({ source: edge.source, target: edge.target });
  }
  const joins = [...joined].flatMap((target) => {
    const sources = doc.edges.filter((edge) => edge.target === target && !edge.when).map((edge) => edge.source);
    return sources.length > 0 ? [{ sources, target }] : [];
  });
  const plan: ExportPlan = {
    doc,
    messagesField: messagesFieldOf(doc) ?? "messages",
    entry: doc.entry,
    edges,
    routes,
    joins,
    fanOuts,
    subgraphs: new Map(),
    interruptBefore: doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id),
    interruptAfter: doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id),
  };
  planned.set(doc.name, plan);
  for (const node of doc.nodes) {
    if (node.kind !== "subgraph") continue;
    const child = graphOf(node.config.graph, doc, graphs)!;
    plan.subgraphs.set(node.id, planned.get(child.name) ?? planExport(child, graphs, planned));
  }
  return plan;
}

/** Every graph the plan's subgraph nodes run, at any depth, each once, in a stable order. */
export function subgraphPlansOf(plan: ExportPlan): ExportPlan[] {
  const found = new Map<string, ExportPlan>();
  const walk = (current: ExportPlan) => {
    for (const child of current.subgraphs.values()) {
      if (found.has(child.doc.name)) continue;
      found.set(child.doc.name, child);
      walk(child);
    }
  };
  walk(plan);
  return [...found.values()].sort((a, b) => (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : 0));
}

function routeOf(source: string, conditional: GraphDoc["edges"]): ConditionalRoute {
  const rank = (edge: GraphDoc["edges"][number]) => (edge.when?.type === "otherwise" ? Number.MAX_SAFE_INTEGER : (edge.order ?? 0));
  const ordered = [...conditional].sort((a, b) => rank(a) - rank(b));
  const rules: ConditionalRoute["rules"] = [];
  let fallback: string | undefined;
  for (const edge of ordered) {
    if (edge.when?.type === "otherwise") fallback ??= edge.target;
    else if (edge.when && !isForEach(edge.when)) rules.push({ condition: edge.when, target: edge.target });
  }
  return { source, rules, fallback: fallback ?? END, targets: [...new Set(conditional.map((edge) => edge.target))] };
}

/** The tools an llm node binds, in its config's order (as main/engine/tool-specs.ts finds them). */
export function boundToolsOf(node: NodeOfKind<"llm">, doc: GraphDoc): BoundTool[] {
  const found: BoundTool[] = [];
  for (const name of node.config.tools) {
    const tool = findTool(name, doc);
    if (tool) found.push(tool);
  }
  return found;
}

function findTool(name: string, doc: GraphDoc): BoundTool | undefined {
  for (const node of doc.nodes) {
    if (node.kind === "tools") {
      const definition = node.config.tools.find((candidate) => candidate.name === name);
      if (definition) return { kind: "mock", definition };
    }
    if (node.kind === "human" && node.config.askTool === name) return { kind: "ask", name, description: node.config.askToolDescription };
  }
  return undefined;
}

/** Ask tools of human nodes that some model binds, each once. */
export function askToolsOf(doc: GraphDoc): Array<{ name: string; description: string }> {
  const seen = new Map<string, { name: string; description: string }>();
  for (const node of doc.nodes) {
    if (node.kind !== "llm") continue;
    for (const tool of boundToolsOf(node, doc)) if (tool.kind === "ask" && !seen.has(tool.name)) seen.set(tool.name, tool);
  }
  return [...seen.values()];
}

export const DEFAULT_MODELS: Record<"openai" | "anthropic" | "ollama", string> = {
  openai: "gpt-4o-mini",
  anthropic: "claude-sonnet-4-5",
  ollama: "llama3.1",
};

/** One line saying what a node does, for the comment above its function. */
export function describeNode(node: GraphNode): string {
  switch (node.kind) {
    case "llm":
      return node.config.provider === "scripted" ? "LLM (scripted: canned replies chosen by rule, runs offline)" : `LLM (${node.config.provider})`;
    case "tools":
      return `runs the tool calls of the last AI message (${node.config.tools.map((tool) => tool.name).join(", ") || "no tools"})`;
    case "human":
      return node.config.mode === "interrupt" ? "a person answers: calls interrupt() and is resumed with Command({ resume })" : "a person answers: the run pauses before it and the answer is written into state as this node";
    case "set":
      return `sets ${Object.keys(node.config.values).join(", ") || "nothing"}`;
    case "code":
      return "runs JavaScript: (state) => the fields to change";
    case "subgraph":
      return `runs the "${node.config.graph}" graph as one node (shares the state fields of the same name)`;
  }
  return (node as { kind: string }).kind;
}

/** Code nodes and code tools: JavaScript the user wrote, listed for the READMEs. */
export function codeParts(doc: GraphDoc): string[] {
  const parts: string[] = [];
  for (const node of doc.nodes) {
    if (node.kind === "code") parts.push(`node \`${node.id}\``);
    if (node.kind === "tools") for (const tool of node.config.tools) if (tool.kind === "code") parts.push(`tool \`${tool.name}\``);
  }
  return parts;
}

/** Does the URL point at this domain (e.g. "openai.com")? */
export function isHost(url: string, domain: string): boolean {
  try {
    return new URL(url).hostname.endsWith(domain);
  } catch {
    return false;
  }
}
