import type { RunPlan } from "./run-request";
import { toWireJson } from "./serialize";

/** One piece of a run's output: a stream-mode chunk (with its subgraph namespace), or a LangChain callback event (`events` mode). */
export type GraphOutput = { kind: "chunk"; namespace: string[]; mode: string; chunk: unknown } | { kind: "event"; data: unknown };

interface StreamEvent {
  event: string;
  run_id: string;
  data: { chunk?: unknown };
  [key: string]: unknown;
}

/**
 * Streams a run's graph. With `subgraphs`, LangGraph yields `[namespace, mode, chunk]`; without,
 * `[mode, chunk]` (the root namespace). The `events` mode needs LangChain's callback events, so
 * the graph runs through `streamEvents` (v2) then, and its root `on_chain_stream` events carry
 * the same chunks the plain stream would: the dev server does the same.
 */
export async function* streamGraph(plan: RunPlan, runId: string, options: Record<string, unknown>): AsyncGenerator<GraphOutput> {
  const graph = plan.graph.compiled as unknown as {
    stream(input: unknown, options: Record<string, unknown>): Promise<AsyncIterable<unknown[]>>;
    streamEvents(input: unknown, options: Record<string, unknown>): AsyncIterable<StreamEvent>;
  };
  const streamOptions = { ...options, subgraphs: plan.subgraphs, ...(Object.keys(plan.context).length > 0 ? { context: plan.context } : {}) };
  if (!plan.streamModes.includes("events")) {
    for await (const tuple of await graph.stream(plan.input, streamOptions)) yield chunkOf(tuple, plan.subgraphs);
    return;
  }
  for await (const event of graph.streamEvents(plan.input, { ...streamOptions, version: "v2", runId })) {
    const isRootStream = event.event === "on_chain_stream" && event.run_id === runId;
    if (isRootStream && Array.isArray(event.data.chunk)) {
      yield chunkOf(event.data.chunk, plan.subgraphs);
      continue;
    }
    if (event.tags && Array.isArray(event.tags) && event.tags.includes("langsmith:hidden")) continue;
    yield { kind: "event", data: toWireJson(event) };
  }
}

function chunkOf(tuple: unknown[], subgraphs: boolean): GraphOutput {
  if (subgraphs) {
    const [namespace, mode, chunk] = tuple as [string[], string, unknown];
    return { kind: "chunk", namespace, mode, chunk };
  }
  const [mode, chunk] = tuple as [string, unknown];
  return { kind: "chunk", namespace: [], mode, chunk };
}
