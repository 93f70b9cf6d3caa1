import { Hono, type Context } from "hono";
import { readJsonObject } from "../body";
import { configurableFromHeaders } from "../request-headers";
import type { ServerContext } from "../context";
import { BadRequestError, RunNotFoundError } from "../errors";
import { pathId } from "../ids";
import type { ActiveRun } from "../run-registry";
import { startRun } from "../run-start";
import { sseResponse } from "../sse";
import { currentValues } from "../thread-view";
import { requireThread } from "../thread-access";

/** Runs: stream (SSE), background, wait, list, get, join, cancel; with and without a thread. */
export function runRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/threads/:thread_id/runs/stream", async (c) => streamRun(c, ctx, pathId(c.req.param("thread_id"), "thread_id")));
  app.post("/runs/stream", async (c) => streamRun(c, ctx, null));

  app.post("/threads/:thread_id/runs/wait", async (c) => waitRun(c, ctx, pathId(c.req.param("thread_id"), "thread_id")));
  app.post("/runs/wait", async (c) => waitRun(c, ctx, null));

  app.post("/threads/:thread_id/runs", async (c) => {
    const { active, run } = await startRun(ctx, pathId(c.req.param("thread_id"), "thread_id"), await readJsonObject(c), configurableFromHeaders(c.req.raw.headers));
    c.header("Content-Location", runPath(active));
    return c.json(run);
  });
  app.post("/runs", async (c) => {
    const { run } = await startRun(ctx, null, await readJsonObject(c), configurableFromHeaders(c.req.raw.headers));
    return c.json(run);
  });

  app.get("/threads/:thread_id/runs", (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const limit = numberParam(c.req.query("limit"), 10, "limit");
    const offset = numberParam(c.req.query("offset"), 0, "offset");
    const status = c.req.query("status");
    const runs = ctx.runLog.ofThread(thread.thread_id).filter((run) => !status || run.status === status);
    return c.json(runs.slice(offset, offset + limit));
  });

  app.get("/threads/:thread_id/runs/:run_id", (c) => c.json(requireRun(c, ctx)));

  app.delete("/threads/:thread_id/runs/:run_id", (c) => {
    const run = requireRun(c, ctx);
    if (ctx.runs.get(run.run_id) && !ctx.runs.get(run.run_id)!.finished) throw new BadRequestError(`run ${run.run_id} is still going: cancel it first`);
    ctx.runLog.delete(run.run_id);
    return c.body(null, 204);
  });

  app.get("/threads/:thread_id/runs/:run_id/join", async (c) => {
    const run = requireRun(c, ctx);
    const active = ctx.runs.get(run.run_id);
    await active?.done;
    if (active?.outcome?.error) return c.json({ __error__: active.outcome.error });
    return c.json((await currentValues(ctx, ctx.threads.get(run.thread_id))) as object);
  });

  app.get("/threads/:thread_id/runs/:run_id/stream", (c) => {
    const run = requireRun(c, ctx);
    const active = ctx.runs.get(run.run_id);
    const cancelOnDisconnect = c.req.query("cancel_on_disconnect") === "1" || c.req.query("cancel_on_disconnect") === "true";
    if (!active) return sseResponse((writer) => writer.close());
    return followRun(active, c.req.header("last-event-id"), cancelOnDisconnect);
  });

  // threads.joinStream: follow the thread's current run (or its last one, for a minute after it ends).
  app.get("/threads/:thread_id/stream", (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const latest = ctx.runLog.ofThread(thread.thread_id)[0];
    const active = ctx.runs.ofThread(thread.thread_id).find((run) => !run.finished) ?? (latest ? ctx.runs.get(latest.run_id) : undefined);
    if (!active) return sseResponse((writer) => writer.close());
    return followRun(active, c.req.header("last-event-id"), false);
  });

  app.post("/threads/:thread_id/runs/:run_id/cancel", async (c) => {
    const run = requireRun(c, ctx);
    const action = c.req.query("action") ?? "interrupt";
    if (action !== "interrupt" && action !== "rollback") throw new BadRequestError(`action: must be "interrupt" or "rollback" (got ${JSON.stringify(action)})`);
    const active = ctx.runs.get(run.run_id);
    if (active && !active.finished) {
      active.cancel(action);
      if (c.req.query("wait") === "1" || c.req.query("wait") === "true") await active.done;
      // The graph notices the cancel at its next step: the record says so from now on (as the
      // Platform does), and the run's end writes the same status again.
      else if (action === "interrupt") ctx.runLog.put({ ...ctx.runLog.get(run.run_id)!, status: "interrupted", updated_at: new Date().toISOString() });
    }
    return c.body(null, 202);
  });

  return app;
}

async function streamRun(c: Context, ctx: ServerContext, threadId: string | null): Promise<Response> {
  const { active, temporary } = await startRun(ctx, threadId, await readJsonObject(c), configurableFromHeaders(c.req.raw.headers));
  const headers: Record<string, string> = { "Content-Location": runPath(active) };
  if (!temporary) headers.Location = `${runPath(active)}/stream`;
  return followRun(active, undefined, active.plan.onDisconnect === "cancel", headers);
}

async function waitRun(c: Context, ctx: ServerContext, threadId: string | null): Promise<Response> {
  const { active, holdCleanup } = await startRun(ctx, threadId, await readJsonObject(c), configurableFromHeaders(c.req.raw.headers));
  c.header("Content-Location", runPath(active));
  // A thread-less run's thread goes once the run ends: read the final values before that.
  const values = active.done.then(() => (active.outcome?.error ? undefined : currentValues(ctx, ctx.threads.get(active.run.thread_id))));
  holdCleanup(values);
  const final = await values;
  if (active.outcome?.error) return c.json({ __error__: active.outcome.error });
  return c.json(final as object);
}

function followRun(active: ActiveRun, lastEventId: string | undefined, cancelOnDisconnect: boolean, headers: Record<string, string> = {}): Response {
  let unsubscribe = () => {};
  return sseResponse(
    (writer) => {
      unsubscribe = active.subscribe((frame) => (frame ? writer.send(frame) : writer.close()), lastEventId);
    },
    {
      headers,
      onDisconnect: () => {
        unsubscribe();
        if (cancelOnDisconnect) active.cancel("interrupt");
      },
    },
  );
}

function runPath(active: ActiveRun): string {
  return `/threads/${active.run.thread_id}/runs/${active.run.run_id}`;
}

function requireRun(c: Context, ctx: ServerContext) {
  const thread = requireThread(ctx, c.req.param("thread_id"));
  const runId = pathId(c.req.param("run_id"), "run_id");
  const run = ctx.runLog.get(runId);
  if (!run || run.thread_id !== thread.thread_id) throw new RunNotFoundError(runId);
  return run;
}

function numberParam(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new BadRequestError(`${name}: must be a whole number >= 0`);
  return number;
}
