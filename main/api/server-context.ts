import { join } from "node:path";
import { FileCheckpointSaver } from "../checkpoint/file-saver";
import { workspaceTools } from "../engine/tools/workspace-tools";
import { CodeProject } from "../project/code-project";
import { GraphUi } from "../project/graph-ui";
import { ProjectWatcher } from "../project/project-watch";
import { AssistantStore } from "../workspace/assistant-store";
import { openCheckpointer } from "../workspace/checkpointer";
import { FileItemStore } from "../workspace/item-store";
import { RunLog } from "../workspace/run-log";
import { ThreadStore } from "../workspace/thread-store";
import { Workspace } from "../workspace/workspace";
import { WorkspaceWatcher } from "../workspace/workspace-watch";
import { createApp } from "./app";
import { bindSdkLoopback, loopbackFetch } from "./loopback-fetch";
import type { ServerContext } from "./context";
import { executeRun } from "./run-executor";
import { withRunMetadata } from "./run-metadata-saver";
import { RunRegistry } from "./run-registry";
import type { SecurityOptions } from "./security";
import { rebuildMissingThreads } from "./thread-rebuild";
import { ThreadWrites } from "./thread-writes";

export interface LoadedApp {
  fetch: (request: Request) => Response | Promise<Response>;
  close(): Promise<void>;
}

/**
 * The heavy half of the server (LangGraph, the checkpoint saver, the stores), loaded after the
 * port is open so the ready line comes quickly; requests wait for it.
 */
export async function loadApp(options: {
  workspaceDir: string;
  security: SecurityOptions;
  rendererDir: string;
  durability?: "sync" | "async";
  checkpointer?: string;
  /** A langgraph.json: its graphs are served too (loaded, then reloaded on source changes). */
  projectConfig?: string;
}): Promise<LoadedApp> {
  const workspace = new Workspace(options.workspaceDir);
  const project = options.projectConfig ? new CodeProject(options.projectConfig) : undefined;
  const durability = options.durability ?? "sync";
  const checkpointer = await openCheckpointer(workspace.dataDir, durability, options.checkpointer);
  // The indexes are made durable by the same rule as the checkpoints (see append-log.ts).
  const threads = new ThreadStore(workspace.dataDir, durability);
  const runLog = new RunLog(workspace.dataDir, durability);
  const assistants = new AssistantStore(workspace.dataDir, durability);
  const store = new FileItemStore(workspace.dataDir, durability);
  const ctx: ServerContext = {
    workspace,
    project,
    threads,
    runLog,
    assistants,
    store,
    saver: withRunMetadata(checkpointer.saver),
    runs: undefined as unknown as RunRegistry,
    writes: new ThreadWrites(),
    security: options.security,
    startedAt: new Date().toISOString(),
    rendererDir: options.rendererDir,
    loopback: () => Promise.reject(new Error("the server is still loading")),
    tools: workspaceTools(workspace.dir),
  };
  ctx.runs = new RunRegistry((active) => executeRun(ctx, active));
  if (checkpointer.saver instanceof FileCheckpointSaver) await rebuildMissingThreads(ctx, checkpointer.saver);
  const watcher = new WorkspaceWatcher(workspace);
  await watcher.start();
  watcher.subscribe((event) => {
    if (event.event === "mcp-changed") void ctx.tools.mcp.reload();
  });
  let projectWatcher: ProjectWatcher | undefined;
  if (project) {
    project.schemas.useCache(join(workspace.dataDir, "schema-cache.json"));
    await project.load();
    if (Object.keys(project.ui.defs).length > 0) {
      ctx.graphUi = new GraphUi(project.dir, project.ui.defs, project.ui.shared, join(workspace.dataDir, "ui"));
      void ctx.graphUi.build();
      project.onReload(() => void ctx.graphUi!.build());
    }
    for (const warning of project.warnings) console.error(`switchyard: ${project.configFile}: ${warning}`);
    projectWatcher = new ProjectWatcher(project);
    projectWatcher.start();
  }
  const app = await createApp(ctx, watcher);
  ctx.loopback = loopbackFetch(app, options.security);
  bindSdkLoopback(ctx.loopback, options.security);
  return {
    fetch: (request) => app.fetch(request),
    close: async () => {
      watcher.close();
      projectWatcher?.close();
      threads.close();
      assistants.close();
      store.close();
      runLog.close();
      await ctx.tools.close();
      await checkpointer.close();
    },
  };
}
