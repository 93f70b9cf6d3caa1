import type { GraphDoc, StateField } from "../../../shared/graph-doc";
import type { ServerContext } from "../context";
import type { GraphSchemas } from "../../project/code-graph-schemas";
import { runnableGraph, type GraphRunConfig } from "../graph-runtime";

/** GET /assistants/{id}/schemas: the graph's state, input, output, config and context schemas. */
export async function schemasOf(ctx: ServerContext, graphId: string, config: GraphRunConfig) {
  const graph = await runnableGraph(ctx, graphId, config);
  const schemas = graph.doc ? docSchemas(graph.doc) : await ctx.project!.schemas.of(ctx.project!.entry(graphId)!, graph.compiled);
  return wireSchemas(graphId, schemas);
}

/**
 * GET /assistants/{id}/subgraphs[/{namespace}]: `{namespace: {state, input, output, config}}` of
 * the graph's subgraphs (LangGraph's `getSubgraphsAsync`, recursing into subgraphs of subgraphs
 * when asked), the shape the LangGraph.js server answers.
 */
export async function subgraphSchemasOf(ctx: ServerContext, graphId: string, config: GraphRunConfig, namespace: string | undefined, recurse: boolean) {
  const graph = await runnableGraph(ctx, graphId, config);
  if (graph.doc) return {};
  const entry = ctx.project!.entry(graphId)!;
  const found: Record<string, unknown> = {};
  const compiled = graph.compiled as unknown as { getSubgraphsAsync(namespace?: string, recurse?: boolean): AsyncIterable<[string, unknown]> };
  for await (const [path, subgraph] of compiled.getSubgraphsAsync(namespace, recurse)) found[path] = await ctx.project!.schemas.ofSubgraph(entry, path, subgraph);
  return found;
}

function wireSchemas(graphId: string, schemas: GraphSchemas) {
  return {
    graph_id: graphId,
    input_schema: schemas.input ?? null,
    output_schema: schemas.output ?? null,
    state_schema: schemas.state ?? null,
    config_schema: schemas.config ?? null,
    context_schema: schemas.context ?? null,
  };
}

const JSON_TYPES: Record<StateField["type"], object> = {
  messages: { type: "array", items: { type: "object" } },
  string: { type: "string" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  list: { type: "array" },
  object: { type: "object" },
  any: {},
};

function docSchemas(doc: GraphDoc): GraphSchemas {
  const properties = Object.fromEntries(
    Object.entries(doc.state.fields).map(([name, field]) => [name, { ...JSON_TYPES[field.type], ...(field.description ? { description: field.description } : {}) }]),
  );
  const state = { title: doc.name, type: "object", properties };
  return { state, input: state, output: state, config: { type: "object", properties: {} } };
}
