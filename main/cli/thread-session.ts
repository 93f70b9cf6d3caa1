import { join } from "node:path";
import { FileCheckpointSaver } from "../checkpoint/file-saver";
import { compileGraphDoc, type CompiledGraph } from "../engine";
import type { GraphDoc } from "../../shared/graph-doc";
import { CliUsageError } from "./cli-error";
import { graphFileIn, loadRunnableGraph } from "./graph-input";

/** A workspace's checkpoints opened for one command; always close it so the lock is released. */
export function openSaver(workspace: string): FileCheckpointSaver {
  return new FileCheckpointSaver(join(workspace, ".switchyard"), { durability: "sync" });
}

export interface ThreadSession {
  saver: FileCheckpointSaver;
  doc: GraphDoc;
  graph: CompiledGraph;
  config: { configurable: { thread_id: string } };
}

/** Finds the graph a thread was run with (recorded as graph_id in its checkpoints) and compiles it. */
export async function openThread(workspace: string, threadId: string): Promise<ThreadSession> {
  const saver = openSaver(workspace);
  try {
    const config = { configurable: { thread_id: threadId } };
    const tuple = await saver.getTuple(config);
    if (!tuple) throw new CliUsageError(`unknown thread "${threadId}" in workspace ${workspace}`);
    const graphId = (tuple.metadata as { graph_id?: string } | undefined)?.graph_id;
    if (!graphId) throw new CliUsageError(`thread "${threadId}" does not record which graph it ran (no graph_id in its checkpoints)`);
    const doc = await loadRunnableGraph(graphFileIn(workspace, graphId));
    return { saver, doc, graph: compileGraphDoc(doc, { checkpointer: saver }), config };
  } catch (error) {
    await saver.close();
    throw error;
  }
}
