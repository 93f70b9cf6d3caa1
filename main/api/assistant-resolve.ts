import { relative, sep } from "node:path";
import type { Assistant } from "../../shared/api";
import { defaultAssistantConfigs } from "../project/langgraph-config";
import type { ServerContext } from "./context";
import { AssistantNotFoundError, UnknownAssistantError } from "./errors";
import { allGraphNames, assistantIdOf } from "./graph-runtime";

/**
 * Makes sure every graph has its system assistant (id uuid5(graph), version 1, created by
 * "system"), with the graph's defaults from `LANGGRAPH_CONFIG` as the dev server reads them.
 * Returns the names of the graphs served now.
 */
export async function ensureSystemAssistants(ctx: ServerContext): Promise<string[]> {
  const names = await allGraphNames(ctx);
  let defaults: ReturnType<typeof defaultAssistantConfigs> | undefined;
  for (const graphId of names) {
    const assistantId = assistantIdOf(graphId);
    if (ctx.assistants.get(assistantId)) continue;
    defaults ??= defaultAssistantConfigs();
    ctx.assistants.create(assistantId, {
      graph_id: graphId,
      name: graphId,
      description: await descriptionOf(ctx, graphId),
      config: defaults[graphId]?.config ?? {},
      context: defaults[graphId]?.context ?? {},
      metadata: { created_by: "system" },
    });
  }
  return names;
}

/** The assistants of graphs served now (an assistant of a deleted graph file waits for it to come back). */
export async function liveAssistants(ctx: ServerContext): Promise<Assistant[]> {
  const names = new Set(await ensureSystemAssistants(ctx));
  return ctx.assistants.all().filter((assistant) => names.has(assistant.graph_id)).map((assistant) => withCodeInfo(ctx, assistant));
}

/**
 * An assistant as the API shows it: for a code graph, `metadata.graph_file` names its module and
 * `metadata.graph_error` says why it does not load ({message, file, line?, column?}) while it is broken.
 */
export function withCodeInfo(ctx: ServerContext, assistant: Assistant): Assistant {
  const entry = ctx.project?.entry(assistant.graph_id);
  if (!entry) return assistant;
  const info = { graph_file: relative(ctx.project!.dir, entry.spec.file).split(sep).join("/"), ...(entry.problem ? { graph_error: entry.problem } : {}) };
  return { ...assistant, metadata: { ...assistant.metadata, ...info } };
}

/** An assistant by id, or a graph's system assistant by the graph's name (both are accepted as `assistant_id`). */
export async function resolveAssistant(ctx: ServerContext, idOrGraph: string): Promise<Assistant> {
  const names = await ensureSystemAssistants(ctx);
  const assistant = ctx.assistants.get(names.includes(idOrGraph) ? assistantIdOf(idOrGraph) : idOrGraph);
  if (!assistant || !names.includes(assistant.graph_id)) throw new AssistantNotFoundError(idOrGraph, names);
  return withCodeInfo(ctx, assistant);
}

/** An assistant named in a route's path: unknown is "Assistant not found" (404). */
export async function assistantOfPath(ctx: ServerContext, idOrGraph: string): Promise<Assistant> {
  try {
    return await resolveAssistant(ctx, idOrGraph);
  } catch (error) {
    if (error instanceof AssistantNotFoundError) throw new UnknownAssistantError(idOrGraph, error.known);
    throw error;
  }
}

async function descriptionOf(ctx: ServerContext, graphId: string): Promise<string | null> {
  const code = ctx.project?.entry(graphId);
  if (code) return code.spec.description ?? null;
  return (await ctx.workspace.graph(graphId))?.doc?.description ?? null;
}
