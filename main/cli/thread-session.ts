import { join } from "node:path";
import { FileCheckpointSaver } from "../checkpoint/file-saver";
import { ThreadStore } from "../workspace/thread-store";
import { compileGraphDoc, workspaceGraphs, type CompiledGraph } from "../engine";
import { Workspace } from "../workspace/workspace";
import { workspaceTools, type WorkspaceTools } from "../engine/tools/workspace-tools";
import type { GraphDoc } from "../../shared/graph-doc";
import { CliUsageError } from "./cli-error";
import { graphFileIn, loadRunnableGraph } from "./graph-input";

/**
 * A workspace's run data opened for one command: the checkpoints (whose lock keeps a server or
 * another command off the workspace meanwhile) and the thread list the server shows too.
 */
export class WorkspaceData {
  readonly saver: FileCheckpointSaver;
  readonly threads: ThreadStore;
  /** Secrets and the workspace's MCP servers, for http and mcp tools (servers start on first use). */
  readonly tools: WorkspaceTools;

  constructor(workspace: string) {
    const dataDir = join(workspace, ".switchyard");
    this.tools = workspaceTools(workspace);
    this.saver = new FileCheckpointSaver(dataDir, { durability: "sync" });
    try {
      this.threads = new ThreadStore(dataDir, "sync");
    } catch (error) {
      void this.saver.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.threads.close();
    await this.tools.close();
    await this.saver.close();
  }
}

export interface ThreadSession {
  data: WorkspaceData;
  saver: FileCheckpointSaver;
  doc: GraphDoc;
  graph: CompiledGraph;
  config: { configurable: { thread_id: string } };
}

/** Finds the graph a thread was run with (recorded as graph_id in its checkpoints) and compiles it. */
export async function openThread(workspace: string, threadId: string): Promise<ThreadSession> {
  const data = new WorkspaceData(workspace);
  try {
    const config = { configurable: { thread_id: threadId } };
    const tuple = await data.saver.getTuple(config);
    if (!tuple) throw new CliUsageError(`unknown thread "${threadId}" in workspace ${workspace}`);
    const graphId = data.threads.get(threadId)?.metadata.graph_id;
    if (typeof graphId !== "string") throw new CliUsageError(`thread "${threadId}" does not record which graph it ran (no metadata.graph_id)`);
    const doc = await loadRunnableGraph(graphFileIn(workspace, graphId));
    const graphs = await workspaceGraphs(new Workspace(workspace));
    return { data, saver: data.saver, doc, graph: compileGraphDoc(doc, { checkpointer: data.saver, graphs, tools: data.tools }), config };
  } catch (error) {
    await data.close();
    throw error;
  }
}

/** The thread status the server shows, from where the run stopped. */
export function statusAfterRun(next: readonly string[]): "idle" | "interrupted" {
  return next.length > 0 ? "interrupted" : "idle";
}
