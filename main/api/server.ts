import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { openCheckpointer } from "../workspace/checkpointer";
import { RunLog } from "../workspace/run-log";
import { ThreadStore } from "../workspace/thread-store";
import { Workspace } from "../workspace/workspace";
import { WorkspaceWatcher } from "../workspace/workspace-watch";
import { createApp } from "./app";
import type { ServerContext } from "./context";
import { executeRun } from "./run-executor";
import { withRunMetadata } from "./run-metadata-saver";
import { RunRegistry } from "./run-registry";
import { isLoopbackHost } from "./security";

export interface ServerOptions {
  workspaceDir: string;
  host?: string;
  port?: number;
  token?: string;
  allowOrigins?: string[];
  rendererDir?: string;
  durability?: "sync" | "async";
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  /** False while checkpoints are only in memory (the file saver is not available). */
  durable: boolean;
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

const DEFAULT_RENDERER_DIR = join(fileURLToPath(new URL("../../out/renderer", import.meta.url)));

/** Opens a workspace's run data and serves the API on it until `close()`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host) && !options.token) throw new TokenRequiredError(host);
  const workspace = new Workspace(options.workspaceDir);
  const checkpointer = await openCheckpointer(workspace.dataDir, options.durability);
  const threads = new ThreadStore(workspace.dataDir, options.durability);
  const runLog = new RunLog(workspace.dataDir, options.durability);
  const security = { address: { host, port: options.port ?? 2024 }, token: options.token, allowOrigins: options.allowOrigins ?? [] };
  const ctx: ServerContext = {
    workspace,
    threads,
    runLog,
    saver: withRunMetadata(checkpointer.saver),
    runs: undefined as unknown as RunRegistry,
    security,
    startedAt: new Date().toISOString(),
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
  };
  ctx.runs = new RunRegistry((active) => executeRun(ctx, active));
  const watcher = new WorkspaceWatcher(workspace);
  await watcher.start();
  const server = createAdaptorServer({ fetch: createApp(ctx, watcher).fetch, hostname: host });
  const closeStores = async () => {
    watcher.close();
    threads.close();
    runLog.close();
    await checkpointer.close();
  };
  try {
    await listen(server as import("node:http").Server, host, options.port ?? 2024);
  } catch (error) {
    await closeStores();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  security.address.port = port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    host,
    durable: checkpointer.durable,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as import("node:http").Server).closeAllConnections?.();
      });
      await closeStores();
    },
  };
}

function listen(server: import("node:http").Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(host, port) : error));
    server.listen(port, host, () => resolve());
  });
}
