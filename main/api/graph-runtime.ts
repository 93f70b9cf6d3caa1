import { v5 as uuidv5 } from "uuid";
import type { GraphDoc } from "../../shared/graph-doc";
import { formatProblem } from "../../shared/problem";
import { checkNodeNames, compileGraphDoc, UnknownNodeError, type CompiledGraph } from "../engine";
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
  /** A code graph is LangGraph's compiled graph too, from the project's module (typed as the engine's). */
  compiled: CompiledGraph;
  /** The graph's own nodes (no `__start__`): what interrupt lists and `as_node` may name. */
  nodeNames: string[];
}

/** What a code graph's factory is called with (the run's or the assistant's config and context). */
export interface GraphRunConfig {
  configurable?: Record<string, unknown>;
  context?: Record<string, unknown>;
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
  const compiled = compileGraphDoc(entry.doc, { checkpointer: ctx.saver, tools: ctx.tools });
  compiled.store = ctx.store;
  return { graphId, assistantId: assistantIdOf(graphId), source: "document", entry, doc: entry.doc, compiled, nodeNames: entry.doc.nodes.map((node) => node.id) };
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
    if (graph.doc) return checkNodeNames(graph.doc, names, field);
    if (!names || names === "*") return;
    for (const name of names) {
      if (!graph.nodeNames.includes(name)) throw new UnknownNodeError(name, graph.graphId, graph.nodeNames, field);
    }
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new BadRequestError(error.message);
    throw error;
  }
}
