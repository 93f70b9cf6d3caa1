import { v5 as uuidv5 } from "uuid";
import type { GraphDoc } from "../../shared/graph-doc";
import { formatProblem } from "../../shared/problem";
import { compileGraphDoc, type CompiledGraph } from "../engine";
import type { GraphEntry } from "../workspace/workspace";
import type { ServerContext } from "./context";
import { AssistantNotFoundError, UnprocessableError } from "./errors";

/** The namespace LangGraph Platform uses for system assistant ids: uuid5(graph_id, this). */
export const ASSISTANT_NAMESPACE = "6ba7b821-9dad-11d1-80b4-00c04fd430c8";

export function assistantIdOf(graphId: string): string {
  return uuidv5(graphId, ASSISTANT_NAMESPACE);
}

/** Both the graph name and its uuid5 are accepted as an assistant id. */
export async function graphIdOf(ctx: ServerContext, assistantId: string): Promise<string> {
  const names = await ctx.workspace.graphNames();
  const found = names.find((name) => name === assistantId || assistantIdOf(name) === assistantId);
  if (!found) throw new AssistantNotFoundError(assistantId, names);
  return found;
}

export interface RunnableGraph {
  graphId: string;
  assistantId: string;
  entry: GraphEntry;
  doc: GraphDoc;
  compiled: CompiledGraph;
}

/** The graph as it is on disk right now, compiled (cached per file content) with the workspace's saver. */
export async function runnableGraph(ctx: ServerContext, graphId: string): Promise<RunnableGraph> {
  const entry = await ctx.workspace.graph(graphId);
  if (!entry) throw new AssistantNotFoundError(graphId, await ctx.workspace.graphNames());
  if (!entry.doc || entry.problems.length > 0) {
    throw new UnprocessableError(`graph "${graphId}" cannot run until its problems are fixed: ${entry.problems.map(formatProblem).join("; ")}`, entry.problems);
  }
  const compiled = compileGraphDoc(entry.doc, { checkpointer: ctx.saver });
  return { graphId, assistantId: assistantIdOf(graphId), entry, doc: entry.doc, compiled };
}
