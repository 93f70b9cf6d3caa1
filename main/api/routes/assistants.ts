import { Hono } from "hono";
import { z } from "zod";
import type { Assistant } from "../../../shared/api";
import type { GraphDoc, StateField } from "../../../shared/graph-doc";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { assistantIdOf, graphIdOf, runnableGraph } from "../graph-runtime";

const searchSchema = z
  .object({
    graph_id: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    limit: z.number().int().min(1).max(1000).nullish(),
    offset: z.number().int().min(0).nullish(),
  })
  .loose();

/** One system assistant per graph file: id = graph name or uuid5(graph name). */
export function assistantRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/assistants/search", async (c) => {
    const body = parseBody(searchSchema, await readJsonObject(c));
    const names = (await ctx.workspace.graphNames()).filter((name) => !body.graph_id || name === body.graph_id);
    const assistants = await Promise.all(names.map((name) => assistantOf(ctx, name)));
    const matching = assistants.filter((assistant) => Object.entries(body.metadata ?? {}).every(([key, value]) => assistant.metadata[key] === value));
    const offset = body.offset ?? 0;
    return c.json(matching.slice(offset, offset + (body.limit ?? 10)));
  });

  app.get("/assistants/:assistant_id", async (c) => c.json(await assistantOf(ctx, await graphIdOf(ctx, c.req.param("assistant_id")))));

  app.get("/assistants/:assistant_id/graph", async (c) => {
    const graph = await runnableGraph(ctx, await graphIdOf(ctx, c.req.param("assistant_id")));
    const xray = c.req.query("xray");
    const drawable = await graph.compiled.getGraphAsync({ xray: xray === "true" ? true : xray && /^\d+$/.test(xray) ? Number(xray) : false });
    return c.json(drawable.toJSON());
  });

  app.get("/assistants/:assistant_id/schemas", async (c) => {
    const graphId = await graphIdOf(ctx, c.req.param("assistant_id"));
    const entry = await ctx.workspace.requireGraph(graphId);
    const state = entry.doc ? stateJsonSchema(entry.doc) : { type: "object", properties: {} };
    return c.json({ graph_id: graphId, input_schema: state, output_schema: state, state_schema: state, config_schema: { type: "object", properties: {} }, context_schema: null });
  });

  app.get("/assistants/:assistant_id/subgraphs", async (c) => {
    await graphIdOf(ctx, c.req.param("assistant_id"));
    return c.json({});
  });

  return app;
}

async function assistantOf(ctx: ServerContext, graphId: string): Promise<Assistant> {
  const entry = await ctx.workspace.graph(graphId);
  return {
    assistant_id: assistantIdOf(graphId),
    graph_id: graphId,
    name: graphId,
    description: entry?.doc?.description ?? null,
    version: 1,
    config: {},
    context: {},
    metadata: { created_by: "system" },
    created_at: ctx.startedAt,
    updated_at: ctx.startedAt,
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

function stateJsonSchema(doc: GraphDoc) {
  const properties = Object.fromEntries(
    Object.entries(doc.state.fields).map(([name, field]) => [name, { ...JSON_TYPES[field.type], ...(field.description ? { description: field.description } : {}) }]),
  );
  return { title: doc.name, type: "object", properties };
}
