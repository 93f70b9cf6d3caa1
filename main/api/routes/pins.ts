import { Hono } from "hono";
import { z } from "zod";
import { checkGraphName } from "../../workspace/graph-files";
import { PinStore } from "../../workspace/pin-store";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, CheckpointNotFoundError, NotFoundError } from "../errors";
import { bodyId } from "../ids";
import { toWireJson } from "../serialize";
import { graphOfThread } from "../thread-access";

const pinBody = z
  .object({
    update: z.record(z.string(), z.unknown(), { error: "must be an object of state fields" }).optional(),
    from: z.object({ thread_id: z.string(), checkpoint_id: z.string() }).strict().optional(),
  })
  .strict()
  .refine((body) => (body.update === undefined) !== (body.from === undefined), { message: 'give either "update" (an output typed by hand) or "from" (the checkpoint the node wrote)' });

const stores = new Map<string, PinStore>();

export function pinStoreOf(dataDir: string): PinStore {
  let store = stores.get(dataDir);
  if (!store) stores.set(dataDir, (store = new PinStore(dataDir)));
  return store;
}

/** Pinned nodes of a graph: listed, set (to a recorded output or a typed one) and removed. */
export function pinRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const pins = () => pinStoreOf(ctx.workspace.dataDir);

  app.get("/switchyard/graphs/:name/pins", async (c) => {
    const name = checkGraphName(c.req.param("name"));
    await ctx.workspace.requireGraph(name);
    return c.json({ graph: name, pins: pins().pinsOf(name) });
  });

  app.put("/switchyard/graphs/:name/pins/:node", async (c) => {
    const name = checkGraphName(c.req.param("name"));
    const node = await requireNode(ctx, name, c.req.param("node"));
    const body = parseBody(pinBody, await readJsonObject(c));
    const update = body.update ?? (await recordedOutput(ctx, body.from!, node));
    const pin = { update, ...(body.from ? { from: body.from } : {}), pinned_at: new Date().toISOString() };
    pins().set(name, node, pin);
    return c.json({ graph: name, node, pin });
  });

  app.delete("/switchyard/graphs/:name/pins/:node", async (c) => {
    const name = checkGraphName(c.req.param("name"));
    const node = await requireNode(ctx, name, c.req.param("node"));
    if (!pins().remove(name, node)) throw new NotFoundError(`node "${node}" of graph "${name}" is not pinned`);
    return c.json({ graph: name, node, removed: true });
  });

  return app;
}

async function requireNode(ctx: ServerContext, graph: string, node: string): Promise<string> {
  const entry = await ctx.workspace.requireGraph(graph);
  const nodes = entry.doc?.nodes.map((candidate) => candidate.id) ?? [];
  if (!nodes.includes(node)) throw new NotFoundError(`graph "${graph}" has no node "${node}" (its nodes: ${nodes.join(", ") || "none"})`);
  return node;
}

/**
 * What the node wrote in the step that made the checkpoint: LangGraph keeps it as the result of the
 * node's task on the checkpoint before (older versions also copied it into the metadata's `writes`).
 */
async function recordedOutput(ctx: ServerContext, from: { thread_id: string; checkpoint_id: string }, node: string): Promise<Record<string, unknown>> {
  const threadId = bodyId(from.thread_id, "from.thread_id");
  const checkpointId = bodyId(from.checkpoint_id, "from.checkpoint_id");
  const tuple = await ctx.saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: checkpointId } });
  if (!tuple) throw new CheckpointNotFoundError(threadId, checkpointId);
  const writes = ((tuple.metadata as { writes?: unknown } | undefined)?.writes ?? {}) as Record<string, unknown>;
  const output = writes[node] ?? (await taskResult(ctx, threadId, tuple.parentConfig?.configurable?.checkpoint_id as string | undefined, node));
  if (!output || typeof output !== "object") throw new BadRequestError(`checkpoint ${checkpointId} was not written by node "${node}": pick the checkpoint right after it ran`);
  return JSON.parse(JSON.stringify(toWireJson(output))) as Record<string, unknown>;
}

/** The result of the node's task on a checkpoint (the update it returned in that step). */
async function taskResult(ctx: ServerContext, threadId: string, parentId: string | undefined, node: string): Promise<unknown> {
  const thread = ctx.threads.get(threadId);
  if (!thread || !parentId) return undefined;
  const graph = await graphOfThread(ctx, thread);
  const state = await graph.compiled.getState({ configurable: { thread_id: threadId, checkpoint_id: parentId } });
  return state.tasks.find((task) => task.name === node && task.result !== undefined)?.result;
}
