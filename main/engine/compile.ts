import { createHash } from "node:crypto";
import { START, StateGraph, type BaseCheckpointSaver, type BaseStore } from "@langchain/langgraph";
import { isForEach, type ForEachCondition } from "../../shared/conditions";
import { messagesFieldOf, type GraphDoc, type GraphEdge, type GraphNode } from "../../shared/graph-doc";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { semanticProblems, type WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf, subgraphNodesOf } from "../../shared/graph-validate-subgraphs";
import { formatProblem } from "../../shared/problem";
import { fanOutFor } from "./fan-out";
import { codeNode } from "./nodes/code";
import { humanNode } from "./nodes/human";
import { llmNode } from "./nodes/llm";
import { setNode } from "./nodes/set";
import { subgraphNode, type InterruptsInside } from "./nodes/subgraph";
import { toolsNode } from "./nodes/tools";
import { defaultChatModelFactory, type ChatModelFactory } from "./providers";
import { withConditionalBreakpoint } from "./conditional-breakpoint";
import { asNodeFunction, pinnable } from "./recording/pinnable";
import { tapedFactory } from "./recording/taped-factory";
import { pathMapOf, routerFor, targetOf } from "./routing";
import { stateAnnotationOf } from "./state-schema";
import { defaultToolContext, type ToolContext } from "./tools";

export class InvalidGraphError extends Error {
  override name = "InvalidGraphError";
  constructor(readonly graphName: string, readonly problems: string[]) {
    super(`graph "${graphName}" cannot run until these problems are fixed:\n  ${problems.join("\n  ")}`);
  }
}

export interface CompileOptions {
  checkpointer?: BaseCheckpointSaver;
  store?: BaseStore;
  createModel?: ChatModelFactory;
  /** The workspace's graphs by id: what subgraph nodes run (read by the caller; the compiler reads no files). */
  graphs?: WorkspaceGraphs;
  /** Breakpoints on nodes inside subgraphs, named as LangGraph's xray drawing does: `research:ask_human`. */
  interruptsInside?: InterruptsInside;
  /** Secrets and MCP servers for http and mcp tools (default: secrets from the environment and settings, no MCP). */
  tools?: ToolContext;
}

export type CompiledGraph = ReturnType<typeof compileUncached>;

const cache = new WeakMap<object, WeakMap<ToolContext, Map<string, CompiledGraph>>>();
const NO_SAVER = {};
const NO_GRAPHS: WorkspaceGraphs = new Map();

/**
 * Compiles a validated document; the same document text (and the same texts of the graphs its
 * subgraph nodes run), inside breakpoints, saver and tool context give the same compiled graph.
 */
export function compileGraphDoc(doc: GraphDoc, options: CompileOptions = {}): CompiledGraph {
  const key = compileKey(doc, options);
  const bySaver = cache.get(options.checkpointer ?? NO_SAVER) ?? new WeakMap<ToolContext, Map<string, CompiledGraph>>();
  cache.set(options.checkpointer ?? NO_SAVER, bySaver);
  const byHash = bySaver.get(options.tools ?? defaultToolContext) ?? new Map<string, CompiledGraph>();
  bySaver.set(options.tools ?? defaultToolContext, byHash);
  const hit = byHash.get(key);
  if (hit && !options.createModel && !options.store) return hit;
  const compiled = compileUncached(doc, options);
  if (!options.createModel && !options.store) byHash.set(key, compiled);
  return compiled;
}

export function documentHash(doc: GraphDoc): string {
  return createHash("sha256").update(serializeGraphDoc(doc)).digest("hex");
}

/** The document's hash, the hashes of every graph its subgraph nodes run (transitively) and the inside breakpoints. */
function compileKey(doc: GraphDoc, options: CompileOptions): string {
  const graphs = options.graphs ?? NO_GRAPHS;
  const parts = [documentHash(doc)];
  const seen = new Set<string>([doc.name]);
  const queue = subgraphNodesOf(doc).map((node) => node.config.graph);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const child = graphOf(id, doc, graphs);
    parts.push(`${id}=${child ? documentHash(child) : "missing"}`);
    if (child) queue.push(...subgraphNodesOf(child).map((node) => node.config.graph));
  }
  const inside = options.interruptsInside ?? {};
  parts.push(JSON.stringify([inside.before ?? [], inside.after ?? []]));
  return parts.join("|");
}

function compileUncached(doc: GraphDoc, options: CompileOptions, top = true) {
  const graphs = options.graphs ?? NO_GRAPHS;
  const problems = semanticProblems(doc, graphs);
  if (problems.length > 0) throw new InvalidGraphError(doc.name, problems.map(formatProblem));
  const messagesField = messagesFieldOf(doc) ?? "messages";
  const createModel = tapedFactory(options.createModel ?? defaultChatModelFactory);
  const interruptsInside = options.interruptsInside ?? {};
  const compileChild = (child: GraphDoc, inside: InterruptsInside) => compileUncached(child, { ...options, checkpointer: undefined, interruptsInside: inside }, false);
  const builder = new StateGraph(stateAnnotationOf(doc)) as unknown as StateGraph<any, any, any, string>;
  const tools = options.tools ?? defaultToolContext;
  for (const node of doc.nodes) {
    const runtime = node.kind === "subgraph" ? subgraphNode(node, graphOf(node.config.graph, doc, graphs), interruptsInside, compileChild) : nodeRuntimeOf(node, doc, messagesField, createModel, tools);
    builder.addNode(node.id, runtime as any);
  }
  builder.addEdge(START, doc.entry);
  addEdges(builder, doc, messagesField);
  const compiled = builder.compile({
    // A subgraph has no saver of its own: it checkpoints in its parent's, under its namespace.
    checkpointer: top ? options.checkpointer : undefined,
    store: options.store,
    interruptBefore: [...doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id), ...ownNames(interruptsInside.before)],
    interruptAfter: [...doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id), ...ownNames(interruptsInside.after)],
  });
  compiled.name = doc.name;
  return compiled;
}

/** Inside-breakpoint names that are this graph's own nodes (not nested deeper). */
function ownNames(names: string[] | undefined): string[] {
  return (names ?? []).filter((name) => !name.includes(":"));
}

/**
 * Rules of one source become one conditional edge with a path map; each for-each edge its own
 * conditional edge returning Sends; plain edges into a join node one waiting edge from all their
 * sources (LangGraph's addEdge([a, b], node)); other plain edges run in parallel as usual.
 */
function addEdges(builder: StateGraph<any, any, any, string>, doc: GraphDoc, messagesField: string): void {
  const joins = new Set(doc.nodes.filter((node) => node.join).map((node) => node.id));
  for (const node of doc.nodes) {
    const outgoing = doc.edges.filter((edge) => edge.source === node.id);
    const rules = outgoing.filter((edge) => edge.when && !isForEach(edge.when));
    if (rules.length > 0) builder.addConditionalEdges(node.id, routerFor(rules, messagesField), pathMapOf(rules));
    for (const edge of outgoing.filter((candidate) => isForEach(candidate.when))) {
      builder.addConditionalEdges(node.id, fanOutFor(edge as GraphEdge & { when: ForEachCondition }), [edge.target]);
    }
    for (const edge of outgoing.filter((candidate) => !candidate.when && !joins.has(candidate.target))) builder.addEdge(node.id, targetOf(edge.target));
  }
  for (const join of joins) {
    const sources = doc.edges.filter((edge) => edge.target === join && !edge.when).map((edge) => edge.source);
    if (sources.length > 0) builder.addEdge(sources, join);
  }
}

/** The node's runtime, answering its pin when pinned and pausing at its conditional breakpoint. */
function nodeRuntimeOf(node: Exclude<GraphNode, { kind: "subgraph" }>, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory, tools: ToolContext) {
  const runtime = asNodeFunction(runtimeOf(node, doc, messagesField, createModel, tools) as never);
  return pinnable(node.id, withConditionalBreakpoint(node, messagesField, runtime));
}

function runtimeOf(node: Exclude<GraphNode, { kind: "subgraph" }>, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory, tools: ToolContext) {
  switch (node.kind) {
    case "llm":
      return llmNode(node, doc, messagesField, createModel, tools);
    case "tools":
      return toolsNode(node, messagesField, tools);
    case "human":
      return humanNode(node, messagesField);
    case "set":
      return setNode(node, doc, messagesFieldOf(doc));
    case "code":
      return codeNode(node, doc);
  }
}
