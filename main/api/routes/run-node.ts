import { Command, MemorySaver } from "@langchain/langgraph";
import { Hono } from "hono";
import { z } from "zod";
import type { RecordedCall } from "../../../shared/recorded-calls";
import { compileGraphDoc } from "../../engine";
import { withCallScope } from "../../engine/recording/call-scope";
import { ToolCallRecorder } from "../../engine/recording/tool-recorder";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, CheckpointNotFoundError } from "../errors";
import { bodyId } from "../ids";
import { runSecrets } from "../run-recording";
import { toWireJson } from "../serialize";
import { graphOfThread, requireThread } from "../thread-access";

const runNodeBody = z
  .object({
    node: z.string({ error: "required: the node to run" }).min(1),
    checkpoint_id: z.string().optional(),
    values: z.record(z.string(), z.unknown(), { error: "must be an object of state fields" }).optional(),
  })
  .strict();

/**
 * Runs one node alone on a chosen state (a checkpoint's, or given values) and answers its update
 * and calls. It runs on a scratch copy (an in-memory saver), so the thread's history is untouched.
 */
export function runNodeRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/switchyard/threads/:thread_id/run-node", async (c) => {
    const thread = requireThread(ctx, c.req.param("thread_id"));
    const body = parseBody(runNodeBody, await readJsonObject(c));
    const graph = await graphOfThread(ctx, thread);
    if (!graph.doc) throw new BadRequestError(`graph "${graph.graphId}" is a code graph: run one node works on graph files`);
    if (!graph.nodeNames.includes(body.node)) throw new BadRequestError(`node: graph "${graph.graphId}" has no node "${body.node}" (its nodes: ${graph.nodeNames.join(", ")})`);
    const values = body.values ?? (await stateValues(ctx, graph.compiled, thread.thread_id, body.checkpoint_id));
    const calls: RecordedCall[] = [];
    const scratch = compileGraphDoc(graph.doc, { checkpointer: new MemorySaver() });
    const record = (call: RecordedCall) => calls.push(call);
    const updates: unknown[] = [];
    const secrets = runSecrets();
    await withCallScope({ mode: "record", secrets, onModelCall: record, onToolCall: record }, async () => {
      const input = new Command({ goto: body.node, update: values });
      const options = { configurable: { thread_id: "run-node" }, streamMode: "updates", interruptAfter: [body.node], interruptBefore: [], callbacks: [new ToolCallRecorder(secrets, record)] };
      for await (const chunk of await scratch.stream(input as never, options as never)) updates.push(chunk);
    });
    const update = updates.map((chunk) => (chunk as Record<string, unknown>)[body.node]).find((value) => value !== undefined) ?? null;
    return c.json({ node: body.node, update: toWireJson(update), calls });
  });

  return app;
}

async function stateValues(ctx: ServerContext, compiled: { getState(config: unknown): Promise<{ values: unknown; config?: unknown }> }, threadId: string, checkpointId: string | undefined): Promise<Record<string, unknown>> {
  if (checkpointId !== undefined) {
    const id = bodyId(checkpointId, "checkpoint_id");
    const tuple = await ctx.saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: id } });
    if (!tuple) throw new CheckpointNotFoundError(threadId, id);
  }
  const state = await compiled.getState({ configurable: { thread_id: threadId, ...(checkpointId ? { checkpoint_id: checkpointId } : {}) } });
  return (state.values ?? {}) as Record<string, unknown>;
}
