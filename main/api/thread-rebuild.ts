import { statSync } from "node:fs";
import type { Thread, ThreadStatus } from "../../shared/api";
import { CorruptCheckpointError } from "../checkpoint/errors";
import type { FileCheckpointSaver } from "../checkpoint/file-saver";
import type { ServerContext } from "./context";
import { runnableGraph } from "./graph-runtime";
import { idleStatusOf, threadStateOf } from "./state-view";

/**
 * Gives every thread with a checkpoint log an entry in threads.jsonl again. An entry goes
 * missing when its line is damaged (a bad disk, an edit by hand) or when a power cut took the
 * tail of the file; the checkpoints are the record of what happened, so the entry is rebuilt
 * from them: graph and assistant from the newest checkpoint's metadata (every run's checkpoints
 * carry them), status from the graph's state, times from the checkpoints and the log file.
 * Metadata the client set on the thread lived only in the lost line and stays lost; the warning says so.
 */
export async function rebuildMissingThreads(ctx: ServerContext, saver: FileCheckpointSaver, warn: (message: string) => void = console.warn): Promise<Thread[]> {
  const rebuilt: Thread[] = [];
  for (const threadId of saver.listThreadIds()) {
    if (ctx.threads.get(threadId)) continue;
    const thread = await threadFromCheckpoints(ctx, saver, threadId);
    ctx.threads.restore(thread);
    rebuilt.push(thread);
    warn(
      `switchyard: thread ${threadId} has a checkpoint log but no entry in .switchyard/threads.jsonl (a damaged line, or lost in a power cut): ` +
        `rebuilt it from its checkpoints (status ${thread.status}${thread.metadata.graph_id ? `, graph ${String(thread.metadata.graph_id)}` : ""}); metadata set on the thread itself is gone`,
    );
  }
  return rebuilt;
}

async function threadFromCheckpoints(ctx: ServerContext, saver: FileCheckpointSaver, threadId: string): Promise<Thread> {
  const createdAt = logCreatedAt(saver, threadId);
  const base: Thread = { thread_id: threadId, created_at: createdAt, updated_at: createdAt, metadata: {}, status: "idle", config: {}, values: null, interrupts: {} };
  let latest;
  try {
    latest = await saver.getTuple({ configurable: { thread_id: threadId } });
  } catch (error) {
    // Served anyway: its state routes then name the damage and `switchyard doctor` repairs it.
    if (error instanceof CorruptCheckpointError) return { ...base, status: "error" };
    throw error;
  }
  if (!latest) return base;
  const metadata = Object.fromEntries(["graph_id", "assistant_id"].filter((key) => typeof latest.metadata?.[key as never] === "string").map((key) => [key, latest.metadata![key as never]]));
  const updatedAt = latest.checkpoint.ts || createdAt;
  return { ...base, created_at: createdAt < updatedAt ? createdAt : updatedAt, updated_at: updatedAt, metadata, status: await statusOf(ctx, threadId, metadata.graph_id as string | undefined) };
}

async function statusOf(ctx: ServerContext, threadId: string, graphId: string | undefined): Promise<ThreadStatus> {
  if (!graphId) return "idle";
  try {
    const graph = await runnableGraph(ctx, graphId);
    return idleStatusOf(threadStateOf(await graph.compiled.getState({ configurable: { thread_id: threadId } }), threadId));
  } catch {
    // The graph file is gone or broken: the thread is still listed, and reads say why.
    return "idle";
  }
}

function logCreatedAt(saver: FileCheckpointSaver, threadId: string): string {
  const info = statSync(saver.logFileOf(threadId), { throwIfNoEntry: false });
  const time = info ? (info.birthtimeMs > 0 ? info.birthtimeMs : info.mtimeMs) : Date.now();
  return new Date(time).toISOString();
}
