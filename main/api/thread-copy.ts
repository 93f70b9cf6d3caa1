import type { BaseCheckpointSaver, CheckpointTuple } from "@langchain/langgraph";

/** Copies every checkpoint (and its pending writes) of one thread to another, oldest first. */
export async function copyCheckpoints(saver: BaseCheckpointSaver, fromThread: string, toThread: string): Promise<void> {
  const tuples: CheckpointTuple[] = [];
  for await (const tuple of saver.list({ configurable: { thread_id: fromThread } })) tuples.push(tuple);
  for (const tuple of tuples.reverse()) {
    const namespace = (tuple.config.configurable?.checkpoint_ns as string | undefined) ?? "";
    const parentId = tuple.parentConfig?.configurable?.checkpoint_id as string | undefined;
    const target = { configurable: { thread_id: toThread, checkpoint_ns: namespace, ...(parentId ? { checkpoint_id: parentId } : {}) } };
    const saved = await saver.put(target, tuple.checkpoint, { ...tuple.metadata!, thread_id: toThread } as never, tuple.checkpoint.channel_versions);
    const writesByTask = new Map<string, Array<[string, unknown]>>();
    for (const [taskId, channel, value] of tuple.pendingWrites ?? []) {
      writesByTask.set(taskId, [...(writesByTask.get(taskId) ?? []), [channel, value]]);
    }
    for (const [taskId, writes] of writesByTask) await saver.putWrites(saved, writes, taskId);
  }
}
