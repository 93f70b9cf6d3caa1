import { Hono } from "hono";
import { z } from "zod";
import type { Thread, ThreadState } from "../../../shared/api";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, ThreadBusyError } from "../errors";
import { bodyId, pathId } from "../ids";
import { updateThreadState } from "../state-update";
import { threadStateOf } from "../state-view";
import { applySupersteps, superstepsSchema } from "../supersteps";
import { graphIdOfThread, graphOfThread, requireCheckpoint, requireThread } from "../thread-access";

const checkpointSchema = z.object({ checkpoint_id: z.string().nullish(), checkpoint_ns: z.string().nullish() }).loose().nullish();

/** The route's own fields; anything else at the top level is the seed's curl form of `values`. */
const UPDATE_FIELDS = ["values", "as_node", "checkpoint_id", "checkpoint"];

const updateSchema = z.object({
  values: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))], { error: "must be an object" }).nullish(),
  as_node: z.string().nullish(),
  checkpoint_id: z.string().nullish(),
  checkpoint: checkpointSchema,
});

const historySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).nullish(),
    before: z.union([z.string(), checkpointSchema]).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    checkpoint: checkpointSchema,
  })
  .loose();

/** Thread state: read (now or at a checkpoint), update as a node, and history (newest first). */
export function stateRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get("/threads/:thread_id/state", async (c) => c.json(await stateAt(ctx, requireThread(ctx, c.req.param("thread_id")), undefined, undefined, isTrue(c.req.query("subgraphs")))));
  app.get("/threads/:thread_id/state/:checkpoint_id", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    return c.json(await stateAt(ctx, thread, pathId(c.req.param("checkpoint_id"), "checkpoint_id"), undefined, isTrue(c.req.query("subgraphs"))));
  });
  app.post("/threads/:thread_id/state/checkpoint", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const body = parseBody(z.object({ checkpoint: checkpointSchema, subgraphs: z.boolean().nullish() }).loose(), await readJsonObject(c));
    const checkpointId = body.checkpoint?.checkpoint_id;
    return c.json(await stateAt(ctx, thread, checkpointId ? bodyId(checkpointId, "checkpoint.checkpoint_id") : undefined, body.checkpoint?.checkpoint_ns ?? undefined, body.subgraphs ?? false));
  });

  app.post("/threads/:thread_id/state", async (c) => {
    const { thread_id: threadId } = requireThread(ctx, c.req.param("thread_id"));
    const raw = await readJsonObject(c);
    const body = parseBody(updateSchema, { ...pick(raw, UPDATE_FIELDS), values: raw.values ?? topLevelValues(raw) });
    const update = { values: body.values ?? null, asNode: body.as_node ?? undefined, checkpointId: body.checkpoint_id ?? body.checkpoint?.checkpoint_id ?? undefined, namespace: body.checkpoint?.checkpoint_ns ?? undefined };
    return c.json(await ctx.writes.run(threadId, () => updateThreadState(ctx, threadId, update)));
  });

  // Batched updates on an existing thread: the body of `threads.create({supersteps})`, or the list alone.
  app.post("/threads/:thread_id/state/bulk", async (c) => {
    const { thread_id: threadId } = requireThread(ctx, c.req.param("thread_id"));
    const raw = await readJsonObject(c);
    const { supersteps } = parseBody(z.object({ supersteps: superstepsSchema }).loose(), raw);
    return c.json(
      await ctx.writes.run(threadId, async () => {
        const thread = requireThread(ctx, threadId);
        if (ctx.runs.isBusy(threadId)) throw new ThreadBusyError(threadId);
        return applySupersteps(ctx, thread, supersteps);
      }),
    );
  });

  app.post("/threads/:thread_id/history", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const body = parseBody(historySchema, await readJsonObject(c));
    const before = typeof body.before === "string" ? body.before : body.before?.checkpoint_id;
    return c.json(await history(ctx, thread, body.limit ?? 10, before ?? undefined, body.metadata ?? undefined, body.checkpoint?.checkpoint_id ?? undefined, body.checkpoint?.checkpoint_ns ?? undefined));
  });
  app.get("/threads/:thread_id/history", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const limit = Number(c.req.query("limit") ?? 10);
    if (!Number.isInteger(limit) || limit < 1) throw new BadRequestError("limit: must be a whole number >= 1");
    return c.json(await history(ctx, thread, limit, c.req.query("before")));
  });

  return app;
}

function emptyState(thread: Thread): ThreadState {
  return { values: {}, next: [], tasks: [], metadata: {}, created_at: null, checkpoint: { thread_id: thread.thread_id, checkpoint_id: "", checkpoint_ns: "", checkpoint_map: null }, parent_checkpoint: null, interrupts: [] };
}

async function stateAt(ctx: ServerContext, thread: Thread, checkpointId?: string, checkpointNs?: string, subgraphs = false): Promise<ThreadState> {
  if (checkpointId) await requireCheckpoint(ctx, thread.thread_id, checkpointId, checkpointNs);
  if (!graphIdOfThread(thread)) return emptyState(thread);
  const graph = await graphOfThread(ctx, thread);
  const config = { configurable: { thread_id: thread.thread_id, ...(checkpointId ? { checkpoint_id: checkpointId } : {}), ...namespaceOf(checkpointNs) } };
  // With `subgraphs`, a subgraph task's `state` is the subgraph's own state (else where to read it).
  return threadStateOf(await graph.compiled.getState(config, { subgraphs }), thread.thread_id);
}

async function history(ctx: ServerContext, thread: Thread, limit: number, before?: string, metadata?: Record<string, unknown>, checkpointId?: string, checkpointNs?: string): Promise<ThreadState[]> {
  if (!graphIdOfThread(thread)) return [];
  const graph = await graphOfThread(ctx, thread);
  const config = { configurable: { thread_id: thread.thread_id, ...(checkpointId ? { checkpoint_id: checkpointId } : {}), ...namespaceOf(checkpointNs) } };
  const states: ThreadState[] = [];
  const options = { limit, ...(before ? { before: { configurable: { checkpoint_id: before } } } : {}), ...(metadata ? { filter: metadata } : {}) };
  for await (const snapshot of graph.compiled.getStateHistory(config, options)) states.push(threadStateOf(snapshot, thread.thread_id));
  return states;
}

function isTrue(value: string | undefined): boolean {
  return value === "true" || value === "1";
}

/** A subgraph's checkpoint namespace (`tasks[].checkpoint.checkpoint_ns`): LangGraph reads and updates that subgraph's state. */
function namespaceOf(checkpointNs: string | undefined): { checkpoint_ns?: string } {
  return checkpointNs ? { checkpoint_ns: checkpointNs } : {};
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => keys.includes(key)));
}

function topLevelValues(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => !UPDATE_FIELDS.includes(key)));
  return Object.keys(rest).length > 0 ? rest : undefined;
}
