import type { Command, StreamMode, ThreadState } from "@langchain/langgraph-sdk";
import type { LangGraphServer } from "./langgraph";

/**
 * What the run debugger asks of a LangGraph server, all through the official SDK, so the same
 * debugger can attach to `switchyard serve` or to a LangGraph Platform deployment.
 */
export interface RunStreamOptions {
  input?: Record<string, unknown> | null;
  command?: Command;
  interruptBefore?: string[] | "*";
  interruptAfter?: string[] | "*";
  checkpointId?: string;
  recursionLimit?: number;
  /** Switchyard only: serve model calls whose request the thread's recording holds from it. */
  replay?: boolean;
  signal?: AbortSignal;
}

export interface StreamFrame {
  event: string;
  data: unknown;
}

/** The modes the debugger follows: node starts/results, node updates, LLM tokens, Switchyard's replay/pin marks. */
export const DEBUGGER_STREAM_MODES: StreamMode[] = ["tasks", "updates", "messages-tuple", "custom"];

/** The debugger's calls on one server: the open graph's (see `openGraphDebugger`). */
export const debuggerApiOf = (server: LangGraphServer) => ({
  async createThread(graphName: string) {
    return (await server.client()).threads.create({ graphId: graphName, metadata: { graph_id: graphName } });
  },
  async searchThreads(graphName: string) {
    return (await server.client()).threads.search({ metadata: { graph_id: graphName }, limit: 100, sortBy: "updated_at", sortOrder: "desc" });
  },
  async deleteThread(threadId: string) {
    return (await server.client()).threads.delete(threadId);
  },
  async getThread(threadId: string) {
    return (await server.client()).threads.get(threadId);
  },
  /** The thread's state; with subgraphs, a paused subgraph task carries its own state (values, next, checkpoint with its namespace). */
  async getState(threadId: string, checkpointId?: string, options: { subgraphs?: boolean } = {}): Promise<ThreadState> {
    return (await server.client()).threads.getState(threadId, checkpointId, options.subgraphs ? { subgraphs: true } : undefined);
  },
  /** The thread's checkpoints, or with `namespace` those of one subgraph task (`research:<task id>`). */
  async history(threadId: string, limit = 200, namespace?: string): Promise<ThreadState[]> {
    return (await server.client()).threads.getHistory(threadId, { limit, ...(namespace ? { checkpoint: { checkpoint_ns: namespace } } : {}) });
  },
  /**
   * POST /threads/{id}/state: a new checkpoint, written as `asNode` (or the last writer when absent).
   * With `checkpoint` (a subgraph's, with its namespace) the update goes into that subgraph's state.
   */
  async updateState(threadId: string, values: Record<string, unknown> | null, asNode?: string, checkpointId?: string, checkpoint?: { checkpoint_ns: string; checkpoint_id?: string }): Promise<{ checkpoint_id: string }> {
    const api = await server.client();
    const where = checkpoint ? { checkpoint: { checkpoint_ns: checkpoint.checkpoint_ns, ...(checkpoint.checkpoint_id ? { checkpoint_id: checkpoint.checkpoint_id } : {}) } as never } : checkpointId ? { checkpointId } : {};
    // null values with no node copy the checkpoint (LangGraph's update_state(config, None)): a time-travel point.
    const result = await api.threads.updateState(threadId, { values: values as Record<string, unknown>, ...(asNode ? { asNode } : {}), ...where });
    // The Platform answers {checkpoint: {...}}; the SDK's type names the config form.
    const answer = result as unknown as { checkpoint?: { checkpoint_id: string }; configurable?: { checkpoint_id: string } };
    return { checkpoint_id: answer.checkpoint?.checkpoint_id ?? answer.configurable?.checkpoint_id ?? "" };
  },
  async cancel(threadId: string, runId: string) {
    return (await server.client()).runs.cancel(threadId, runId, false, "interrupt");
  },
  /** A run on the thread, streamed; `input: null` continues a paused or failed thread. */
  async *stream(threadId: string, graphName: string, options: RunStreamOptions): AsyncGenerator<StreamFrame> {
    const api = await (options.replay ? server.replayingClient() : server.client());
    const stream = api.runs.stream(threadId, graphName, {
      input: options.command ? undefined : (options.input ?? null),
      command: options.command,
      streamMode: DEBUGGER_STREAM_MODES,
      interruptBefore: options.interruptBefore,
      interruptAfter: options.interruptAfter,
      checkpointId: options.checkpointId,
      // Frames from inside subgraph nodes arrive as `tasks|research:<task id>`: the debugger lights their nodes.
      streamSubgraphs: true,
      ...(options.recursionLimit ? { config: { recursion_limit: options.recursionLimit } } : {}),
      multitaskStrategy: "interrupt",
      signal: options.signal,
    });
    for await (const part of stream) yield { event: part.event, data: part.data };
  },
});

export type DebuggerApi = ReturnType<typeof debuggerApiOf>;

export type { ThreadState, Thread } from "@langchain/langgraph-sdk";
