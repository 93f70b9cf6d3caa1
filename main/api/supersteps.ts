import { Command } from "@langchain/langgraph";
import { z } from "zod";
import type { Thread } from "../../shared/api";
import type { ServerContext } from "./context";
import { ApiError, BadRequestError } from "./errors";
import { checkGraphNodes } from "./graph-runtime";
import { checkCommand, checkStateValues } from "./state-input";
import { checkpointRefOf, idleStatusOf, threadStateOf } from "./state-view";
import { graphOfThread } from "./thread-access";

/** `supersteps: [{updates: [{values | command, as_node}]}]`, as the SDK sends them. */
export const superstepsSchema = z.array(
  z
    .object({
      updates: z.array(
        z
          .object({
            values: z.unknown().nullish(),
            command: z.object({ resume: z.unknown().optional(), update: z.unknown().optional(), goto: z.union([z.string(), z.array(z.string())]).nullish() }).strict().nullish(),
            as_node: z.string({ error: "required: the node each update is written as" }),
          })
          .strict(),
      ),
    })
    .strict(),
);

export type Supersteps = z.infer<typeof superstepsSchema>;

const PSEUDO_NODES = ["__input__", "__copy__", "__start__", "__end__"];

/**
 * Batched state updates (LangGraph's `bulkUpdateState`): every superstep becomes one checkpoint,
 * its updates applied together as if those nodes had run in the same step. Every update is checked
 * first (the same checks as `POST /state`), so a bad one leaves the thread as it was. Call it inside
 * the thread's turn (`ctx.writes.run`).
 */
export async function applySupersteps(ctx: ServerContext, thread: Thread, supersteps: Supersteps) {
  const graph = await graphOfThread(ctx, thread);
  // LangGraph's own pseudo-nodes ("__input__" for the input step, "__copy__" for a fork) are its to check.
  const named = (step: Supersteps[number]) => step.updates.map((update) => update.as_node).filter((name) => !PSEUDO_NODES.includes(name));
  supersteps.forEach((step, index) => {
    checkGraphNodes(graph, named(step), `supersteps[${index}].as_node`);
    step.updates.forEach((update, position) => {
      const path = `supersteps[${index}].updates[${position}]`;
      checkStateValues(graph, update.values, `${path}.values`);
      checkCommand(graph, update.command, `${path}.command`);
    });
  });
  await ctx.saver.settled(thread.thread_id);
  const config = { configurable: { thread_id: thread.thread_id, checkpoint_ns: "", graph_id: graph.graphId } };
  const steps = supersteps.map((step) => ({
    updates: step.updates.map((update) => ({ values: update.command ? new Command(update.command as never) : (update.values ?? null), asNode: update.as_node })),
  }));
  let saved;
  try {
    saved = await (graph.compiled as unknown as { bulkUpdateState(config: object, steps: unknown[]): Promise<{ configurable?: Record<string, unknown> }> }).bulkUpdateState(config, steps);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new BadRequestError(`supersteps: ${(error as Error).message}`);
  }
  const state = threadStateOf(await graph.compiled.getState({ configurable: { thread_id: thread.thread_id } }), thread.thread_id);
  ctx.threads.update(thread.thread_id, { status: idleStatusOf(state) });
  const ref = checkpointRefOf(saved, thread.thread_id);
  return { checkpoint: { thread_id: ref.thread_id, checkpoint_ns: ref.checkpoint_ns, checkpoint_id: ref.checkpoint_id } };
}
