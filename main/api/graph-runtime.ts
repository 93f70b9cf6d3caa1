import { v5 as uuidv5 } from "uuid";
import type { GraphDoc } from "../../shared/graph-doc";
import { semanticProblems, type WorkspaceGraphs } from "../../shared/graph-validate";
import { formatProblem } from "../../shared/problem";
import { checkNodeNames, compileGraphDoc, UnknownNodeError, type CompiledGraph, type InterruptsInside } from "../engine";
import { CodeGraphError } from "../project/code-graph";
import type { GraphEntry } from "../workspace/workspace";
import type { ServerContext } from "./context";
import { AssistantNotFoundError, BadRequestError, UnprocessableError } from "./errors";

/** The namespace LangGraph Platform uses for system assistant ids: uuid5(graph_id, this). */
export const ASSISTANT_NAMESPACE = "6ba7b821-9dad-11d1-80b4-00c04fd430c8";

export function assistantIdOf(graphId: string): string {
  return uuidv5(graphId, ASSISTANT_NAMESPACE);
}

/** Every graph the server serves: the workspace's graph files and, with `--config`, the code project's graphs. */
export async function allGraphNames(ctx: ServerContext): Promise<string[]> {
  const names = new Set(await ctx.workspace.graphNames());
  for (const graphId of ctx.project?.graphIds() ?? []) names.add(graphId);
  return [...names].sort();
}

export function isCodeGraph(ctx: ServerContext, graphId: string): boolean {
  return ctx.project?.entry(graphId) !== undefined;
}

export interface RunnableGraph {
  graphId: string;
  assistantId: string;
  source: "document" | "code";
  /** Document graphs only. */
  entry?: GraphEntry;
  doc?: GraphDoc;
  /** Document graphs only: the workspace's graphs, for the subgraph nodes. */
  graphs?: WorkspaceGraphs;
  /** A code graph is LangGraph's compiled graph too, from the project's module (typed as the engine's). */
  compiled: CompiledGraph;
  /** The graph's own nodes (no `__start__`): what interrupt lists and `as_node` may name. */
  nodeNames: string[];
}

/** What a code graph's factory is called with (the run's or the assistant's config and context). */
export interface GraphRunConfig {
  configurable?: Record<string, unknown>;
  context?: Record<string, unknown>;
  /** Document graphs: breakpoints inside subgraphs (`research:ask_human`), compiled into them. */
  interruptsInside?: InterruptsInside;
}

/**
 * The graph ready to run, with the server's checkpoint saver and store: a graph file as it is on
 * disk now (compiled, cached per content), or a code graph as last loaded (a factory is called
 * with `config`). A broken graph is a 422 naming its problems.
 */
export async function runnableGraph(ctx: ServerContext, graphId: string, config: GraphRunConfig = {}): Promise<RunnableGraph> {
  if (isCodeGraph(ctx, graphId)) return codeGraph(ctx, graphId, config);
  const entry = await ctx.workspace.graph(graphId);
  if (!entry) throw new AssistantNotFoundError(graphId, await allGraphNames(ctx));
  if (!entry.doc || entry.problems.length > 0) {
    throw new UnprocessableError(`graph "${graphId}" cannot run until its problems are fixed: ${entry.problems.map(formatProblem).join("; ")}`, entry.problems);
  }
  const entries = await ctx.workspace.listGraphs();
  // Every request that reads or runs a thread lands here: with the same files (by text hash) the
  // checks and the compiled graph are those of last time (profile of bench:server: hashing the
  // document for compile's cache key and checking it across graphs, per request).
  const key = JSON.stringify([graphId, entry.hash, entries.map((other) => [other.name, other.hash]), config.interruptsInside ?? null]);
  const known = documentGraphs.get(ctx)?.get(key);
  if (known) return known;
  const graphs: WorkspaceGraphs = new Map(entries.map((other) => [other.name, other.doc]));
  // The file's own problems were checked on load; these need the other graphs (subgraph nodes).
  const acrossGraphs = semanticProblems(entry.doc, graphs);
  if (acrossGraphs.length > 0) throw new UnprocessableError(`graph "${graphId}" cannot run until its problems are fixed: ${acrossGraphs.map(formatProblem).join("; ")}`, acrossGraphs);
  const compiled = compileGraphDoc(entry.doc, { checkpointer: ctx.saver, graphs, tools: ctx.tools, ...(config.interruptsInside ? { interruptsInside: config.interruptsInside } : {}) });
  compiled.store = ctx.store;
  const runnable: RunnableGraph = { graphId, assistantId: assistantIdOf(graphId), source: "document", entry, doc: entry.doc, graphs, compiled, nodeNames: entry.doc.nodes.map((node) => node.id) };
  remember(ctx, key, runnable);
  return runnable;
}

/** Document graphs as last compiled, by graph, file hashes and inside breakpoints; a few dozen per server. */
const documentGraphs = new WeakMap<ServerContext, Map<string, RunnableGraph>>();
const KEPT_DOCUMENT_GRAPHS = 64;

function remember(ctx: ServerContext, key: string, runnable: RunnableGraph): void {
  const kept = documentGraphs.get(ctx) ?? new Map<string, RunnableGraph>();
  documentGraphs.set(ctx, kept);
  if (kept.size >= KEPT_DOCUMENT_GRAPHS) kept.delete(kept.keys().next().value!);
  kept.set(key, runnable);
}

async function codeGraph(ctx: ServerContext, graphId: string, config: GraphRunConfig): Promise<RunnableGraph> {
  try {
    const runtime = { executionRuntime: { context: config.context } };
    const graph = await ctx.project!.graph(graphId, { checkpointer: ctx.saver, store: ctx.store }, { configurable: config.configurable ?? {} }, runtime);
    const nodeNames = Object.keys(graph.nodes).filter((name) => name !== "__start__");
    return { graphId, assistantId: assistantIdOf(graphId), source: "code", compiled: graph as unknown as CompiledGraph, nodeNames };
  } catch (error) {
    if (error instanceof CodeGraphError) throw new UnprocessableError(error.message, [{ path: error.problem.file, message: error.problem.message }]);
    throw error;
  }
}

/** Checks node names a request gives (interrupt lists, `as_node`, `goto`) before they reach LangGraph: 400 naming the field. */
export function checkGraphNodes(graph: RunnableGraph, names: string[] | "*" | undefined, field: string): void {
  try {
    if (graph.doc) return checkNodeNames(graph.doc, names, field, field.startsWith("interrupt_") ? graph.graphs : undefined);
    if (!names || names === "*") return;
    for (const name of names) {
      if (!graph.nodeNames.includes(name)) throw new UnknownNodeError(name, graph.graphId, graph.nodeNames, field);
    }
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new BadRequestError(error.message);
    throw error;
  }
}

/**
 * Checks an interrupt list of a run. For a graph file every node is known: a name found nowhere is
 * a 400. A code graph is let through as the LangGraph.js server lets it (clients name nodes of
 * subgraphs, and of graphs a node calls, which cannot be listed beforehand); what LangGraph will
 * not stop at is returned as warnings for the server log: LangGraph.js applies a run's interrupt
 * lists to the nodes of the graph it runs, not to those of its subgraphs.
 */
export async function checkInterruptNodes(graph: RunnableGraph, names: string[] | "*" | undefined, field: string): Promise<string[]> {
  if (graph.doc || !names || names === "*") {
    checkGraphNodes(graph, names, field);
    return [];
  }
  const own = new Set(graph.nodeNames);
  if (names.every((name) => own.has(name))) return [];
  const inSubgraph = new Map<string, string>();
  const compiled = graph.compiled as unknown as { getSubgraphsAsync(namespace?: string, recurse?: boolean): AsyncIterable<[string, { nodes: Record<string, unknown> }]> };
  for await (const [namespace, subgraph] of compiled.getSubgraphsAsync(undefined, true)) {
    for (const name of Object.keys(subgraph.nodes)) if (!inSubgraph.has(name)) inSubgraph.set(name, namespace);
  }
  return names
    .filter((name) => !own.has(name))
    .map((name) =>
      inSubgraph.has(name)
        ? `${field}: "${name}" is a node of subgraph "${inSubgraph.get(name)}"; LangGraph.js stops a run only at nodes of the graph it runs, so this run will not stop there (compile the subgraph with interruptBefore/interruptAfter instead)`
        : `${field}: no node of graph "${graph.graphId}" or of its subgraphs is named "${name}", so this run will not stop there`,
    );
}
