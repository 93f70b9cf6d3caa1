import { Hono } from "hono";
import { z } from "zod";
import type { RecordedCallsResponse } from "../../../shared/recorded-calls";
import { callStoreOf, CallsLimitError } from "../../workspace/call-store";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, CheckpointNotFoundError } from "../errors";
import { bodyId } from "../ids";
import { requireThread } from "../thread-access";

/** A thread's recorded model and tool calls, and the workspace's recording limit. */
export function recordedCallRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const store = () => callStoreOf(ctx.workspace.dataDir);

  // ?node=agent, ?run_id=..., ?checkpoint_id=... (the calls of the step that wrote that checkpoint)
  app.get("/switchyard/threads/:thread_id/calls", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const { node, run_id: runId, checkpoint_id: checkpointId } = c.req.query();
    const step = checkpointId === undefined ? undefined : await stepOf(ctx, thread.thread_id, bodyId(checkpointId, "checkpoint_id"));
    const calls = store()
      .read(thread.thread_id)
      .filter((call) => (node === undefined || call.node === node) && (runId === undefined || call.run_id === runId) && (step === undefined || call.step === step));
    const body: RecordedCallsResponse = { thread_id: thread.thread_id, calls, limit_bytes: store().limitBytes(), used_bytes: store().usedBytes() };
    return c.json(body);
  });

  app.get("/switchyard/recorded-calls/limit", (c) => c.json({ limit_bytes: store().limitBytes(), used_bytes: store().usedBytes() }));

  app.put("/switchyard/recorded-calls/limit", async (c) => {
    const body = parseBody(z.object({ limit_mb: z.unknown() }).strict(), await readJsonObject(c));
    try {
      store().setLimitMb(body.limit_mb);
    } catch (error) {
      if (error instanceof CallsLimitError) throw new BadRequestError(error.message);
      throw error;
    }
    return c.json({ limit_bytes: store().limitBytes(), used_bytes: store().usedBytes() });
  });

  return app;
}

async function stepOf(ctx: ServerContext, threadId: string, checkpointId: string): Promise<number> {
  const tuple = await ctx.saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: checkpointId } });
  if (!tuple) throw new CheckpointNotFoundError(threadId, checkpointId);
  return (tuple.metadata?.step as number | undefined) ?? -1;
}
