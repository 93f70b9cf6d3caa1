import type { WorkspaceTools } from "../engine/tools/workspace-tools";
import type { CodeProject } from "../project/code-project";
import type { GraphUi } from "../project/graph-ui";
import type { AssistantStore } from "../workspace/assistant-store";
import type { FileItemStore } from "../workspace/item-store";
import type { RunLog } from "../workspace/run-log";
import type { ThreadStore } from "../workspace/thread-store";
import type { Workspace } from "../workspace/workspace";
import type { LoopbackFetch } from "./loopback-fetch";
import type { ServerSaver } from "./run-metadata-saver";
import type { RunRegistry } from "./run-registry";
import type { SecurityOptions } from "./security";
import type { ThreadWrites } from "./thread-writes";

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
  /** Every write to a thread takes its turn here, so no write is built on a checkpoint another has moved past. */
  writes: ThreadWrites;
  security: SecurityOptions;
  startedAt: string;
  /** Secrets and the workspace's MCP servers (one client per server, stopped with the server). */
  tools: WorkspaceTools;
  /** Where the built renderer lives (`out/renderer`). */
  rendererDir: string;
  /** The code project's generative UI bundles (`ui` in langgraph.json), if it names any. */
  graphUi?: GraphUi;
  /** Calls this server's own app (webhooks given as a path, `new Client()` inside a project's code). */
  loopback: LoopbackFetch;
}
