import type { Thread } from "../../shared/api";
import type { ServerContext } from "./context";
import { BadRequestError, CheckpointNotFoundError, ThreadNotFoundError } from "./errors";
import { runnableGraph, type RunnableGraph } from "./graph-runtime";
import { pathId } from "./ids";

export function requireThread(ctx: ServerContext, rawId: string | undefined): Thread {
  const threadId = pathId(rawId, "thread_id");
  const thread = ctx.threads.get(threadId);
  if (!thread) throw new ThreadNotFoundError(threadId);
  return thread;
}

/** The graph a thread runs (set by its first run, or by `metadata.graph_id` at creation). */
export function graphIdOfThread(thread: Thread): string | undefined {
  const graphId = thread.metadata.graph_id;
  return typeof graphId === "string" ? graphId : undefined;
}

/**
 * The graph of a thread as its assistant builds it: a code graph's factory gets the config and
 * context of the assistant the thread last ran (`metadata.assistant_id`), so state reads and
 * `as_node` checks see the same nodes the run had.
 */
export async function graphOfThread(ctx: ServerContext, thread: Thread): Promise<RunnableGraph> {
  const graphId = graphIdOfThread(thread);
  if (!graphId) throw new BadRequestError(`thread ${thread.thread_id} has not run a graph yet: start a run first (or create it with metadata.graph_id)`);
  const assistantId = thread.metadata.assistant_id;
  const assistant = typeof assistantId === "string" ? ctx.assistants.get(assistantId) : undefined;
  if (!assistant || assistant.graph_id !== graphId) return runnableGraph(ctx, graphId);
  return runnableGraph(ctx, graphId, { configurable: (assistant.config.configurable as Record<string, unknown> | undefined) ?? {}, context: assistant.context });
}

/**
 * Checks that a checkpoint a request names exists on the thread (404 naming it otherwise). LangGraph
 * itself takes an unknown checkpoint id as "no state yet": an update would start a new root, a
 * read would show an empty state, a run would fail.
 */
export async function requireCheckpoint(ctx: ServerContext, threadId: string, checkpointId: string, checkpointNs = ""): Promise<void> {
  const tuple = await ctx.saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: checkpointNs, checkpoint_id: checkpointId } });
  if (!tuple) throw new CheckpointNotFoundError(threadId, checkpointId);
}
