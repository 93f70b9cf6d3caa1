import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./fixtures";
import { spawnServe } from "./serve-process";


export interface RunningServer {
  url: string;
  /** The project or workspace folder the server runs on (a temporary copy). */
  dir: string;
  stop(): Promise<void>;
}

/**
 * A temporary copy of a code project with a node_modules link to the repository's (as the API
 * tests' makeCodeProject does), so its imports resolve alike.
 */
function copyProject(from: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(from, dir, { recursive: true, filter: (source) => !source.includes(".switchyard") && !source.includes(".langgraph_api") });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function stopper(child: ChildProcess, dir: string, group = false): () => Promise<void> {
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (group && child.pid) process.kill(-child.pid, "SIGTERM");
      else child.kill("SIGTERM");
    }
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}

/** `switchyard serve` on a workspace folder or, with `config`, on a LangGraph.js project's langgraph.json. */
export async function startSwitchyard(target: { workspace: string } | { config: string }, dir: string, extraArgs: string[] = []): Promise<RunningServer> {
  const where = "config" in target ? ["--config", target.config] : ["--workspace", target.workspace];
  const server = await spawnServe([...where, "--port", "0", ...extraArgs], 60_000);
  return { url: server.url, dir, stop: stopper(server.child, dir) };
}

/** `switchyard serve --config` on a copy of test/fixtures/code-project. */
export function serveCodeProject(): Promise<RunningServer> {
  const dir = copyProject(join(ROOT, "test/fixtures/code-project"), "switchyard-e2e-code-");
  return startSwitchyard({ config: join(dir, "langgraph.json") }, dir);
}

/** A Switchyard on an empty workspace: the app that attaches to a remote deployment. */
export function serveEmptyWorkspace(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-attach-"));
  return startSwitchyard({ workspace: dir }, dir);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/**
 * The official LangGraph.js dev server (`@langchain/langgraph-cli dev`, in memory) on the
 * code-defined seed graph of bench/server-official, as `npm run bench:server` starts it.
 */
export async function startOfficialDevServer(timeoutMs = 120_000): Promise<RunningServer> {
  const dir = copyProject(join(ROOT, "bench/server-official"), "switchyard-e2e-official-");
  const port = await freePort();
  const cli = join(ROOT, "node_modules/@langchain/langgraph-cli/dist/cli/cli.mjs");
  const child = spawn(process.execPath, [cli, "dev", "--port", String(port), "--host", "127.0.0.1", "--no-browser", "--no-reload", "--config", join(dir, "langgraph.json")], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LANGSMITH_TRACING: "false", LANGCHAIN_TRACING_V2: "false", LANGGRAPH_CLI_NO_ANALYTICS: "1", NO_COLOR: "1" },
  });
  let output = "";
  child.stdout!.on("data", (data) => (output += data));
  child.stderr!.on("data", (data) => (output += data));
  const stop = stopper(child, dir, true);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await fetch(`${url}/ok`).then((response) => response.ok, () => false)) return { url, dir, stop };
    await new Promise((done) => setTimeout(done, 300));
  }
  await stop();
  throw new Error(`the official dev server did not answer /ok within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
}
