import type { WorkspaceTools } from "../engine/tools/workspace-tools";
import type { CodeProject } from "../project/code-project";
import type { AssistantStore } from "../workspace/assistant-store";
import type { FileItemStore } from "../workspace/item-store";
import type { RunLog } from "../workspace/run-log";
import type { ThreadStore } from "../workspace/thread-store";
import type { Workspace } from "../workspace/workspace";
import type { ServerSaver } from "./run-metadata-saver";
import type { RunRegistry } from "./run-registry";
import type { SecurityOptions } from "./security";

/** Everything a route needs: the workspace, its run data, the running runs and the server's options. */
export interface ServerContext {
  workspace: Workspace;
  /** The LangGraph.js project served with `--config`, if any: its graphs join the workspace's. */
  project?: CodeProject;
  threads: ThreadStore;
  runLog: RunLog;
  assistants: AssistantStore;
  /** LangGraph's long-term memory store: the Store API, and `runtime.store` in every graph. */
  store: FileItemStore;
  saver: ServerSaver;
  runs: RunRegistry;
  security: SecurityOptions;
  startedAt: string;
  /** Secrets and the workspace's MCP servers (one client per server, stopped with the server). */
  tools: WorkspaceTools;
  /** Where the built renderer lives (`out/renderer`). */
  rendererDir: string;
}
