import type { Thread } from "../../shared/api";
import { CorruptCheckpointError } from "../checkpoint/errors";
import type { ServerContext } from "./context";
import { runnableGraph } from "./graph-runtime";
import { interruptsOf, threadStateOf } from "./state-view";
import { graphIdOfThread } from "./thread-access";

/**
 * A thread as the API shows it: the stored record plus its current `values` and `interrupts`,
 * read from the latest checkpoint when asked for (runs do not copy state into the record).
 */
export async function threadView(ctx: ServerContext, thread: Thread): Promise<Thread> {
  const graphId = graphIdOfThread(thread);
  if (!graphId) return { ...thread, values: null, interrupts: {} };
  try {
    const graph = await runnableGraph(ctx, graphId);
    const state = threadStateOf(await graph.compiled.getState({ configurable: { thread_id: thread.thread_id } }), thread.thread_id);
    return { ...thread, values: state.values, interrupts: interruptsOf(state) };
  } catch (error) {
    // A damaged log: listed, but as what it is (its state routes name thread and byte).
    if (error instanceof CorruptCheckpointError) return { ...thread, status: "error", values: null, interrupts: {} };
    // The graph file is gone or broken: the record is still worth showing.
    return { ...thread, values: null, interrupts: {} };
  }
}

/** The final values of a thread after a run (what /runs/wait and /join answer). */
export async function currentValues(ctx: ServerContext, thread: Thread | undefined): Promise<unknown> {
  if (!thread) return null;
  return (await threadView(ctx, thread)).values ?? null;
}
