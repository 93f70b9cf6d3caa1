import type { RunLog } from "../workspace/run-log";
import type { ThreadStore } from "../workspace/thread-store";
import type { Workspace } from "../workspace/workspace";
import type { ServerSaver } from "./run-metadata-saver";
import type { RunRegistry } from "./run-registry";
import type { SecurityOptions } from "./security";

/** Everything a route needs: the workspace, its run data, the running runs and the server's options. */
export interface ServerContext {
  workspace: Workspace;
  threads: ThreadStore;
  runLog: RunLog;
  saver: ServerSaver;
  runs: RunRegistry;
  security: SecurityOptions;
  startedAt: string;
  /** Where the built renderer lives (`out/renderer`). */
  rendererDir: string;
}
