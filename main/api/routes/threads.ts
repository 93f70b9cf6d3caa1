import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { Thread } from "../../../shared/api";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { ConflictError } from "../errors";
import { bodyId } from "../ids";
import { deleteThreadData } from "../run-start";
import { applySupersteps, superstepsSchema } from "../supersteps";
import { requireThread } from "../thread-access";
import { copyCheckpoints } from "../thread-copy";
import { threadView } from "../thread-view";

const metadataSchema = z.record(z.string(), z.unknown(), { error: "must be an object" }).nullish();

const createSchema = z
  .object({ thread_id: z.string().nullish(), metadata: metadataSchema, if_exists: z.enum(["raise", "do_nothing"]).nullish(), supersteps: superstepsSchema.nullish() })
  .loose();

const searchSchema = z
  .object({
    metadata: metadataSchema,
    values: metadataSchema,
    status: z.enum(["idle", "busy", "interrupted", "error"]).nullish(),
    ids: z.array(z.string()).nullish(),
    limit: z.number().int().min(1).max(1000).nullish(),
    offset: z.number().int().min(0).nullish(),
    sort_by: z.enum(["thread_id", "status", "created_at", "updated_at"]).nullish(),
    sort_order: z.enum(["asc", "desc"]).nullish(),
  })
  .loose();

/** Threads: create, get, patch, delete, search, copy. */
export function threadRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/threads", async (c) => {
    const body = parseBody(createSchema, await readJsonObject(c));
    const threadId = body.thread_id == null ? uuidv7() : bodyId(body.thread_id, "thread_id");
    const existing = ctx.threads.get(threadId);
    if (existing) {
      if (body.if_exists === "do_nothing") return c.json(existing);
      throw new ConflictError(`Thread ${threadId} already exists`);
    }
    const metadata = Object.fromEntries(Object.entries(body.metadata ?? {}).filter(([, value]) => value !== undefined && value !== null));
    const created = ctx.threads.create(threadId, metadata);
    if (!body.supersteps?.length) return c.json(created);
    // A thread made with its history already in it: each superstep is one checkpoint (SDK `threads.create({supersteps})`).
    try {
      await applySupersteps(ctx, created, body.supersteps);
    } catch (error) {
      await deleteThreadData(ctx, threadId);
      throw error;
    }
    return c.json(await threadView(ctx, ctx.threads.get(threadId)!));
  });

  app.get("/threads/:thread_id", async (c) => c.json(await threadView(ctx, requireThread(ctx, c.req.param("thread_id")))));

  app.patch("/threads/:thread_id", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const body = parseBody(z.object({ metadata: metadataSchema }).loose(), await readJsonObject(c));
    return c.json(ctx.threads.update(thread.thread_id, { metadata: { ...thread.metadata, ...(body.metadata ?? {}) } }));
  });

  app.delete("/threads/:thread_id", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    await deleteThreadData(ctx, thread.thread_id);
    return c.body(null, 204);
  });

  app.post("/threads/search", async (c) => {
    const body = parseBody(searchSchema, await readJsonObject(c));
    const found = ctx.threads
      .all()
      .filter((thread) => !body.status || thread.status === body.status)
      .filter((thread) => !body.ids || body.ids.includes(thread.thread_id))
      .filter((thread) => contains(thread.metadata, body.metadata))
      .sort(sorter(body.sort_by ?? "created_at", body.sort_order ?? "desc"));
    const offset = body.offset ?? 0;
    return c.json(await Promise.all(found.slice(offset, offset + (body.limit ?? 10)).map((thread) => threadView(ctx, thread))));
  });

  app.post("/threads/:thread_id/copy", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const copy = ctx.threads.create(uuidv7(), { ...thread.metadata });
    await copyCheckpoints(ctx.saver, thread.thread_id, copy.thread_id);
    return c.json(await threadView(ctx, ctx.threads.update(copy.thread_id, { status: thread.status === "busy" ? "idle" : thread.status })));
  });

  return app;
}

function contains(whole: Record<string, unknown>, part: Record<string, unknown> | null | undefined): boolean {
  if (!part) return true;
  return Object.entries(part).every(([key, value]) => JSON.stringify(whole[key]) === JSON.stringify(value));
}

function sorter(key: "thread_id" | "status" | "created_at" | "updated_at", order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  return (a: Thread, b: Thread) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : 0);
}
