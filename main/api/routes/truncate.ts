import { Hono } from "hono";
import { z } from "zod";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { deleteThreadData } from "../run-start";

/** The environment variable that turns on POST /internal/truncate (for API test suites only). */
export const TRUNCATE_ENV = "SWITCHYARD_TEST_TRUNCATE";

const truncateSchema = z.object({
  runs: z.boolean().optional(),
  threads: z.boolean().optional(),
  assistants: z.boolean().optional(),
  checkpointer: z.boolean().optional(),
  store: z.boolean().optional(),
}).loose();

/**
 * POST /internal/truncate `{threads?, runs?, assistants?, store?}`: forgets run data, as the
 * LangGraph.js dev server's test-only route does, so an API test suite starts each group clean.
 * Mounted only when SWITCHYARD_TEST_TRUNCATE=1: it deletes data without asking.
 */
export function truncateRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  if (process.env[TRUNCATE_ENV] !== "1") return app;
  app.post("/internal/truncate", async (c) => {
    const body = parseBody(truncateSchema, await readJsonObject(c));
    if (body.threads || body.checkpointer) {
      for (const thread of ctx.threads.all()) await deleteThreadData(ctx, thread.thread_id);
    } else if (body.runs) {
      for (const thread of ctx.threads.all()) for (const run of ctx.runLog.ofThread(thread.thread_id)) if (ctx.runs.get(run.run_id)?.finished !== false) ctx.runLog.delete(run.run_id);
    }
    if (body.assistants) {
      for (const assistant of ctx.assistants.all()) if (assistant.metadata?.created_by !== "system") ctx.assistants.delete(assistant.assistant_id);
    }
    if (body.store) await clearStore(ctx);
    return c.json({ ok: true });
  });
  return app;
}

async function clearStore(ctx: ServerContext): Promise<void> {
  for (const namespace of await ctx.store.listNamespaces({ limit: 100_000 })) {
    for (const item of await ctx.store.search(namespace, { limit: 100_000 })) await ctx.store.delete(item.namespace, item.key);
  }
}
