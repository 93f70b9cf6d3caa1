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
  async getState(threadId: string, checkpointId?: string): Promise<ThreadState> {
    return (await server.client()).threads.getState(threadId, checkpointId);
  },
  async history(threadId: string, limit = 200): Promise<ThreadState[]> {
    return (await server.client()).threads.getHistory(threadId, { limit });
  },
  /** POST /threads/{id}/state: a new checkpoint, written as `asNode` (or the last writer when absent). */
  async updateState(threadId: string, values: Record<string, unknown>, asNode?: string, checkpointId?: string): Promise<{ checkpoint_id: string }> {
    const api = await server.client();
    const result = await api.threads.updateState(threadId, { values, ...(asNode ? { asNode } : {}), ...(checkpointId ? { checkpointId } : {}) });
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
      ...(options.recursionLimit ? { config: { recursion_limit: options.recursionLimit } } : {}),
      multitaskStrategy: "interrupt",
      signal: options.signal,
    });
    for await (const part of stream) yield { event: part.event, data: part.data };
  },
});

export type DebuggerApi = ReturnType<typeof debuggerApiOf>;

export type { ThreadState, Thread } from "@langchain/langgraph-sdk";
