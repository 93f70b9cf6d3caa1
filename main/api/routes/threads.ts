import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { Thread } from "../../../shared/api";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { ConflictError } from "../errors";
import { bodyId } from "../ids";
import { deleteThreadData } from "../run-start";
import { applySupersteps, superstepsSchema, type Supersteps } from "../supersteps";
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
    const metadata = Object.fromEntries(Object.entries(body.metadata ?? {}).filter(([, value]) => value !== undefined && value !== null));
    return c.json(await ctx.writes.run(threadId, () => createThread(ctx, threadId, metadata, body.if_exists ?? "raise", body.supersteps ?? [])));
  });

  app.get("/threads/:thread_id", async (c) => c.json(await threadView(ctx, requireThread(ctx, c.req.param("thread_id")))));

  app.patch("/threads/:thread_id", async (c) => {
    const { thread_id: threadId } = requireThread(ctx, c.req.param("thread_id"));
    const body = parseBody(z.object({ metadata: metadataSchema }).loose(), await readJsonObject(c));
    return c.json(
      await ctx.writes.run(threadId, async () => {
        const thread = requireThread(ctx, threadId);
        return ctx.threads.update(threadId, { metadata: { ...thread.metadata, ...(body.metadata ?? {}) } });
      }),
    );
  });

  app.delete("/threads/:thread_id", async (c) => {
    const { thread_id: threadId } = requireThread(ctx, c.req.param("thread_id"));
    await ctx.writes.run(threadId, async () => {
      requireThread(ctx, threadId);
      await deleteThreadData(ctx, threadId);
    });
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
    const { thread_id: threadId } = requireThread(ctx, c.req.param("thread_id"));
    // The copy is taken between two writes of the thread, never in the middle of one.
    const copy = await ctx.writes.run(threadId, async () => {
      const thread = requireThread(ctx, threadId);
      await ctx.saver.settled(threadId);
      const created = ctx.threads.create(uuidv7(), { ...thread.metadata });
      await copyCheckpoints(ctx.saver, threadId, created.thread_id);
      return ctx.threads.update(created.thread_id, { status: thread.status === "busy" ? "idle" : thread.status });
    });
    return c.json(await threadView(ctx, copy));
  });

  return app;
}

/** `POST /threads`: a new thread, with its history already in it when `supersteps` are given (SDK `threads.create({supersteps})`). */
async function createThread(ctx: ServerContext, threadId: string, metadata: Record<string, unknown>, ifExists: "raise" | "do_nothing", supersteps: Supersteps): Promise<Thread> {
  const existing = ctx.threads.get(threadId);
  if (existing) {
    if (ifExists === "do_nothing") return existing;
    throw new ConflictError(`Thread ${threadId} already exists`);
  }
  const created = ctx.threads.create(threadId, metadata);
  if (supersteps.length === 0) return created;
  // Each superstep is one checkpoint; a bad one is refused before any is written, and the thread goes again.
  try {
    await applySupersteps(ctx, created, supersteps);
  } catch (error) {
    await deleteThreadData(ctx, threadId);
    throw error;
  }
  return threadView(ctx, ctx.threads.get(threadId)!);
}

function contains(whole: Record<string, unknown>, part: Record<string, unknown> | null | undefined): boolean {
  if (!part) return true;
  return Object.entries(part).every(([key, value]) => JSON.stringify(whole[key]) === JSON.stringify(value));
}

function sorter(key: "thread_id" | "status" | "created_at" | "updated_at", order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  return (a: Thread, b: Thread) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : 0);
}
