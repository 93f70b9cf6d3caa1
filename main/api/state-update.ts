import { CorruptCheckpointError } from "../checkpoint/errors";
import type { ServerContext } from "./context";
import { ApiError, BadRequestError, ThreadBusyError } from "./errors";
import { docAtNamespace } from "../engine";
import { checkGraphNodes, type RunnableGraph } from "./graph-runtime";
import { bodyId } from "./ids";
import { bindToolAnswer } from "./tool-call-binding";
import { checkMessageRemovals, checkStateValues } from "./state-input";
import { checkpointRefOf, idleStatusOf, threadStateOf } from "./state-view";
import { graphOfThread, requireCheckpoint, requireThread } from "./thread-access";

export interface StateUpdate {
  values: Record<string, unknown> | Array<Record<string, unknown>> | null;
  asNode?: string;
  /** A fork: the update is written on top of this checkpoint instead of the latest. */
  checkpointId?: string;
  /** An update inside a subgraph (`research:<task id>`): checked against the graph that runs there. */
  namespace?: string;
}

/**
 * `POST /threads/{id}/state`: checks everything first (busy, node, checkpoint, values), then writes
 * one checkpoint. Call it inside the thread's turn (`ctx.writes.run`), so it builds on the latest.
 */
export async function updateThreadState(ctx: ServerContext, threadId: string, update: StateUpdate) {
  const thread = requireThread(ctx, threadId);
  if (ctx.runs.isBusy(threadId)) throw new ThreadBusyError(threadId);
  const graph = await graphOfThread(ctx, thread);
  const target = update.namespace ? graphAtNamespace(graph, update.namespace) : graph;
  if (update.asNode) checkGraphNodes(target, [update.asNode], "as_node");
  if (update.checkpointId) await requireCheckpoint(ctx, threadId, bodyId(update.checkpointId, "checkpoint_id"), update.namespace);
  const writes: Array<[unknown, string]> = Array.isArray(update.values) ? update.values.map((values, index) => [values, `values[${index}]`]) : [[update.values, "values"]];
  for (const [values, path] of writes) checkStateValues(target, values, path);
  // A run cancelled a moment ago may still be writing its last checkpoint.
  await ctx.saver.settled(threadId);
  const config = { configurable: { thread_id: threadId, ...(update.namespace ? { checkpoint_ns: update.namespace } : {}), ...(update.checkpointId ? { checkpoint_id: update.checkpointId } : {}) } };
  await checkMessageRemovals(graph, config, writes);
  // The seed's curl sends its answer with an empty tool_call_id: bound to the one call pending for the node.
  const { values, binding } = await bindToolAnswer(update.values, () => messagesAt(graph, config), target.doc, update.asNode);
  let saved;
  try {
    saved = await graph.compiled.updateState(config, (values ?? null) as never, update.asNode);
  } catch (error) {
    if (error instanceof ApiError || error instanceof CorruptCheckpointError) throw error;
    // LangGraph refuses updates it cannot apply (an ambiguous node, a message id to remove that is not there): the caller's input.
    throw new BadRequestError(`values: ${(error as Error).message}`);
  }
  const state = threadStateOf(await graph.compiled.getState({ configurable: { thread_id: threadId } }), threadId);
  ctx.threads.update(threadId, { status: idleStatusOf(state) });
  if (binding) console.error(`switchyard: thread ${threadId}: update as "${update.asNode}": ${binding.message}`);
  const ref = checkpointRefOf(saved, threadId);
  return { checkpoint: { thread_id: ref.thread_id, checkpoint_ns: ref.checkpoint_ns, checkpoint_id: ref.checkpoint_id }, ...(binding ? { tool_call_bound: binding } : {}) };
}

/** The graph a subgraph namespace (`research:<task id>`) runs, for the checks of an update sent there. */
function graphAtNamespace(graph: RunnableGraph, namespace: string): RunnableGraph {
  if (!graph.doc) return graph;
  const doc = docAtNamespace(graph.doc, namespace, graph.graphs);
  if (!doc) throw new BadRequestError(`checkpoint.checkpoint_ns: "${namespace}" is not a subgraph namespace of graph "${graph.graphId}" (expected NODE:TASK_ID of a subgraph node)`);
  return { ...graph, graphId: doc.name, doc, nodeNames: doc.nodes.map((node) => node.id) };
}

/** The messages of the state an update applies to (in the wire's shape, as the update gives them). */
async function messagesAt(graph: RunnableGraph, config: { configurable: Record<string, unknown> }): Promise<unknown[]> {
  const messages = threadStateOf(await graph.compiled.getState(config), String(config.configurable.thread_id)).values.messages;
  return Array.isArray(messages) ? messages : [];
}
