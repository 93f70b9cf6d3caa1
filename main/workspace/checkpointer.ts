import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { FileCheckpointSaver } from "../checkpoint/file-saver";

export interface WorkspaceCheckpointer {
  saver: BaseCheckpointSaver;
  /** True: every checkpoint is on disk (FileCheckpointSaver). */
  durable: boolean;
  close(): Promise<void>;
}

/**
 * The one place that chooses the checkpoint saver of a workspace's run data folder
 * (`<workspace>/.switchyard/threads/<thread_id>/`). Opening it takes the folder's lock:
 * a second server on the same workspace fails here, before it listens.
 */
export async function openCheckpointer(dataDir: string, durability: "sync" | "async" = "sync"): Promise<WorkspaceCheckpointer> {
  const saver = new FileCheckpointSaver(dataDir, { durability });
  return { saver, durable: true, close: async () => void (await saver.close()) };
}
