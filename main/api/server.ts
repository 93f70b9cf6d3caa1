import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { WorkspaceLock } from "../checkpoint/workspace-lock";
import { DATA_FOLDER } from "../workspace/data-folder";
import { isLoopbackHost } from "./loopback";
import type { LoadedApp } from "./server-context";

export interface ServerOptions {
  workspaceDir: string;
  host?: string;
  port?: number;
  token?: string;
  allowOrigins?: string[];
  rendererDir?: string;
  durability?: "sync" | "async";
  /** A postgres:// URL: checkpoints go to that database instead of the workspace folder. */
  checkpointer?: string;
  /** A LangGraph.js project's langgraph.json (`serve --config`): its graphs are served too; run data stays in `workspaceDir/.switchyard`. */
  projectConfig?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  /** Resolves once LangGraph and the workspace's run data are loaded (requests wait for it anyway). */
  loaded: Promise<void>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(readonly host: string, readonly port: number) {
    super(`port ${port} on ${host} is already in use: choose another with --port N (or --port 0 for any free port)`);
  }
}

export class TokenRequiredError extends Error {
  override name = "TokenRequiredError";
  constructor(readonly host: string) {
    super(`listening on ${host} (beyond this machine) needs a token: add --token <secret>, or leave out --host to stay on 127.0.0.1`);
  }
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL("../../out/renderer", import.meta.url));

/**
 * Serves a workspace. The port opens first (with the workspace's server lock held, so a second
 * server fails before it says it is ready); LangGraph and the run data load right after, and
 * requests that arrive meanwhile wait for them.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host) && !options.token) throw new TokenRequiredError(host);
  const workspaceDir = resolve(options.workspaceDir);
  const lock = WorkspaceLock.acquire(join(workspaceDir, DATA_FOLDER), "server.lock");
  const security = { address: { host, port: options.port ?? 2024 }, token: options.token, allowOrigins: options.allowOrigins ?? [] };
  const loading: { app?: Promise<LoadedApp> } = {};
  const server = createAdaptorServer({ fetch: async (request: Request) => (await loading.app!).fetch(request), hostname: host }) as Server;
  try {
    await listen(server, host, options.port ?? 2024);
  } catch (error) {
    lock.release();
    throw error;
  }
  security.address.port = (server.address() as AddressInfo).port;
  // tsx (4.23) loads modules through synchronous hooks, so import() blocks until the whole module
  // graph (LangGraph, about 1,200 modules) is loaded: start it on the next turn, after the caller
  // has said it is ready, or the ready line waits for all of it.
  const app = (loading.app = new Promise((next) => setImmediate(next)).then(() => import("./server-context")).then(({ loadApp }) =>
    loadApp({ workspaceDir, security, rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR, durability: options.durability, checkpointer: options.checkpointer, projectConfig: options.projectConfig }),
  ));
  const loaded = app.then(() => undefined);
  loaded.catch(() => {});
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${security.address.port}`,
    port: security.address.port,
    host,
    loaded,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await (await app!.catch(() => undefined))?.close();
      lock.release();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => fail(error.code === "EADDRINUSE" ? new PortInUseError(host, port) : error));
    server.listen(port, host, () => done());
  });
}
