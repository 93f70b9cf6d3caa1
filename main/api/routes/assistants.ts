import { Hono } from "hono";
import { v4 as uuidv4 } from "uuid";
import { z } from "zod";
import type { Assistant } from "../../../shared/api";
import { assistantOfPath, liveAssistants } from "../assistant-resolve";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import { allGraphNames, runnableGraph } from "../graph-runtime";
import { bodyId } from "../ids";
import { deleteThreadData } from "../run-start";
import { schemasOf, subgraphSchemasOf } from "./assistant-schemas";

const objectField = z.record(z.string(), z.unknown(), { error: "must be an object" }).nullish();

const createSchema = z
  .object({
    graph_id: z.string({ error: "required: the graph this assistant runs" }).min(1),
    assistant_id: z.string().nullish(),
    config: objectField,
    context: objectField,
    metadata: objectField,
    if_exists: z.enum(["raise", "do_nothing"]).nullish(),
    name: z.string().nullish(),
    description: z.string().nullish(),
  })
  .loose();

const patchSchema = z
  .object({ assistant_id: z.unknown().optional(), graph_id: z.string().min(1).nullish(), config: objectField, context: objectField, metadata: objectField, name: z.string().nullish(), description: z.string().nullish() })
  .loose();

const filterSchema = {
  graph_id: z.string().nullish(),
  name: z.string().nullish(),
  metadata: objectField,
};

const searchSchema = z
  .object({
    ...filterSchema,
    limit: z.number().int().min(1).max(1000).nullish(),
    offset: z.number().int().min(0).nullish(),
    sort_by: z.enum(["assistant_id", "graph_id", "name", "created_at", "updated_at"]).nullish(),
    sort_order: z.enum(["asc", "desc"]).nullish(),
    select: z.array(z.string()).nullish(),
  })
  .loose();

const versionsSchema = z.object({ limit: z.number().int().min(1).max(1000).nullish(), offset: z.number().int().min(0).nullish(), metadata: objectField }).loose();

/**
 * Assistants: every graph has a system assistant (id = graph name or uuid5(graph name)); more
 * can be made per graph with their own config and context, and every update is a new version.
 */
export function assistantRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/assistants", async (c) => {
    const body = parseBody(createSchema, await readJsonObject(c));
    await requireGraph(ctx, body.graph_id);
    const assistantId = body.assistant_id == null ? uuidv4() : bodyId(body.assistant_id, "assistant_id");
    const existing = ctx.assistants.get(assistantId);
    if (existing) {
      if (body.if_exists === "do_nothing") return c.json(existing);
      throw new ConflictError(`Assistant ${assistantId} already exists`);
    }
    const created = ctx.assistants.create(assistantId, {
      graph_id: body.graph_id,
      config: body.config ?? {},
      context: body.context ?? {},
      metadata: body.metadata ?? {},
      name: body.name ?? "Untitled",
      description: body.description ?? null,
    });
    return c.json(created);
  });

  app.post("/assistants/search", async (c) => {
    const body = parseBody(searchSchema, await readJsonObject(c));
    const found = (await matching(ctx, body)).sort(sorter(body.sort_by ?? "created_at", body.sort_order ?? "desc"));
    const offset = body.offset ?? 0;
    const page = found.slice(offset, offset + (body.limit ?? 10));
    if (offset + page.length < found.length) c.header("X-Pagination-Next", String(offset + page.length));
    c.header("X-Pagination-Total", String(found.length));
    return c.json(body.select ? page.map((assistant) => Object.fromEntries(Object.entries(assistant).filter(([key]) => body.select!.includes(key)))) : page);
  });

  app.post("/assistants/count", async (c) => {
    const body = parseBody(z.object(filterSchema).loose(), await readJsonObject(c));
    return c.json((await matching(ctx, body)).length);
  });

  app.get("/assistants/:assistant_id", async (c) => c.json(await assistantOfPath(ctx, c.req.param("assistant_id"))));

  app.patch("/assistants/:assistant_id", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    const body = parseBody(patchSchema, await readJsonObject(c));
    if (body.assistant_id != null) checkSameAssistant(bodyId(body.assistant_id, "assistant_id"), assistant.assistant_id, c.req.param("assistant_id"));
    if (body.graph_id) await requireGraph(ctx, body.graph_id);
    const stored = ctx.assistants.get(assistant.assistant_id)!;
    const metadata = body.metadata ? { ...stored.metadata, ...body.metadata } : undefined;
    return c.json(ctx.assistants.update(assistant.assistant_id, { ...body, metadata } as never));
  });

  app.delete("/assistants/:assistant_id", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    ctx.assistants.delete(assistant.assistant_id);
    const deleteThreads = c.req.query("delete_threads") === "true" || c.req.query("delete_threads") === "1";
    if (deleteThreads) {
      const owned = ctx.threads.all().filter((thread) => thread.metadata.assistant_id === assistant.assistant_id);
      for (const thread of owned) await ctx.writes.run(thread.thread_id, () => deleteThreadData(ctx, thread.thread_id));
    }
    return c.json([assistant.assistant_id]);
  });

  app.post("/assistants/:assistant_id/versions", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    const body = parseBody(versionsSchema, await readJsonObject(c));
    const versions = ctx.assistants.versionsOf(assistant.assistant_id).filter((version) => contains(version.metadata, body.metadata));
    const offset = body.offset ?? 0;
    return c.json(versions.slice(offset, offset + (body.limit ?? 10)));
  });

  app.post("/assistants/:assistant_id/latest", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    const { version } = parseBody(z.object({ version: z.number({ error: "required: the version to make the latest" }).int().min(1) }).loose(), await readJsonObject(c));
    const updated = ctx.assistants.setLatest(assistant.assistant_id, version);
    if (!updated) throw new NotFoundError(`Assistant ${assistant.assistant_id} has no version ${version}`);
    return c.json(updated);
  });

  app.get("/assistants/:assistant_id/graph", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    const graph = await runnableGraph(ctx, assistant.graph_id, configOf(assistant));
    const xray = c.req.query("xray");
    const drawable = await graph.compiled.getGraphAsync({ xray: xray === "true" ? true : xray && /^\d+$/.test(xray) ? Number(xray) : false });
    return c.json(drawable.toJSON());
  });

  app.get("/assistants/:assistant_id/schemas", async (c) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id"));
    return c.json(await schemasOf(ctx, assistant.graph_id, configOf(assistant)));
  });

  const subgraphs = async (c: { req: { param(name: string): string | undefined; query(name: string): string | undefined } }) => {
    const assistant = await assistantOfPath(ctx, c.req.param("assistant_id")!);
    const recurse = c.req.query("recurse") === "true" || c.req.query("recurse") === "1";
    return subgraphSchemasOf(ctx, assistant.graph_id, configOf(assistant), c.req.param("namespace"), recurse);
  };
  app.get("/assistants/:assistant_id/subgraphs", async (c) => c.json(await subgraphs(c)));
  app.get("/assistants/:assistant_id/subgraphs/:namespace", async (c) => c.json(await subgraphs(c)));

  return app;
}

function configOf(assistant: Assistant) {
  return { configurable: (assistant.config.configurable as Record<string, unknown> | undefined) ?? {}, context: assistant.context };
}

/** An `assistant_id` in a PATCH body may only repeat the one in the path: an assistant's id never changes. */
function checkSameAssistant(given: string, stored: string, inPath: string | undefined): void {
  if (given !== stored && given !== inPath) throw new BadRequestError(`assistant_id: ${JSON.stringify(given)} differs from the assistant being updated (${stored}); an assistant's id cannot change`);
}

async function requireGraph(ctx: ServerContext, graphId: string): Promise<void> {
  const names = await allGraphNames(ctx);
  if (!names.includes(graphId)) throw new NotFoundError(`graph_id: no graph "${graphId}" (graphs: ${names.join(", ") || "(none)"})`);
}

async function matching(ctx: ServerContext, filter: { graph_id?: string | null; name?: string | null; metadata?: Record<string, unknown> | null }): Promise<Assistant[]> {
  return (await liveAssistants(ctx))
    .filter((assistant) => !filter.graph_id || assistant.graph_id === filter.graph_id)
    .filter((assistant) => !filter.name || assistant.name.toLowerCase().includes(filter.name.toLowerCase()))
    .filter((assistant) => contains(assistant.metadata, filter.metadata));
}

function contains(whole: Record<string, unknown>, part: Record<string, unknown> | null | undefined): boolean {
  if (!part) return true;
  return Object.entries(part).every(([key, value]) => JSON.stringify(whole[key]) === JSON.stringify(value));
}

function sorter(key: "assistant_id" | "graph_id" | "name" | "created_at" | "updated_at", order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  return (a: Assistant, b: Assistant) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : a.assistant_id < b.assistant_id ? -1 : 1);
}
