/**
 * The seam between the desktop shell and the API server in main/api: the shell starts the very
 * same server `switchyard serve` runs, in the main process, on 127.0.0.1 with a random port and
 * a random token. Tests replace `StartApiServer` with a fake.
 */
import { startServer } from "../api/server";

export interface ApiServerOptions {
  /** The workspace folder to serve (absolute). */
  workspace: string;
  host: "127.0.0.1";
  /** 0: the operating system picks a free port. */
  port: number;
  /** Required on every API request (the shell adds it to the window's requests itself). */
  token: string;
  /** The built renderer (`out/renderer`), served at `/`. */
  rendererDir: string;
  /** A LangGraph.js project's langgraph.json ("Open LangGraph Project..."); `workspace` is its folder. */
  projectConfig?: string;
}

export interface RunningApiServer {
  /** e.g. http://127.0.0.1:53124 */
  url: string;
  /** Stops accepting requests, then closes the workspace's stores (checkpoints reach the disk). */
  close(): Promise<void>;
}

export type StartApiServer = (options: ApiServerOptions) => Promise<RunningApiServer>;

export const startApiServer: StartApiServer = async (options) => {
  const server = await startServer({
    workspaceDir: options.workspace,
    host: options.host,
    port: options.port,
    token: options.token,
    rendererDir: options.rendererDir,
    // No allowOrigins: the window is same-origin with the server, nothing else may call it.
    allowOrigins: [],
    durability: "sync",
    ...(options.projectConfig ? { projectConfig: options.projectConfig } : {}),
  });
  // The port opens before the workspace's run data is loaded; wait for it, so a workspace that
  // cannot be opened fails here (and the shell keeps the current one) instead of in the window.
  try {
    await server.loaded;
  } catch (error) {
    await server.close().catch(() => {});
    throw error;
  }
  return { url: server.url, close: () => server.close() };
};
