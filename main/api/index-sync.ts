import type { MiddlewareHandler } from "hono";
import type { ServerContext } from "./context";

/** Resolves when every change made so far to the server's indexes (threads, runs, assistants, store) is on disk. */
export function indexesSynced(ctx: ServerContext): Promise<void> {
  return Promise.all([ctx.threads.synced(), ctx.runLog.synced(), ctx.assistants.synced(), ctx.store.synced()]).then(() => undefined);
}

/**
 * A write request is answered only once what it wrote to the indexes is on disk. The indexes
 * write at once and fdatasync as a group off the event loop (main/workspace/group-sync.ts), so
 * this wait is where "sync" durability holds for them. Reads (GET, HEAD) do not wait: they
 * acknowledge nothing, and a write that builds on what they showed waits for it itself.
 */
export function acknowledgeWhenSynced(ctx: ServerContext): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return;
    await indexesSynced(ctx);
  };
}
