import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./fixtures";
import { startOfficial, type BenchServer } from "../../bench/server-processes";
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

/** `switchyard serve` on a workspace folder or, with `config`, on a LangGraph.js project's langgraph.json. */
export async function startSwitchyard(target: { workspace: string } | { config: string }, dir: string, extraArgs: string[] = []): Promise<RunningServer> {
  const where = "config" in target ? ["--config", target.config] : ["--workspace", target.workspace];
  const server = await spawnServe([...where, "--port", "0", ...extraArgs], 60_000);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: server.url, dir, stop };
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

/**
 * The official LangGraph.js dev server (`@langchain/langgraph-cli dev`, in memory) on the
 * code-defined seed graph of bench/server-official, started exactly as `npm run bench:server` does.
 */
export function startOfficialDevServer(timeoutMs = 120_000): Promise<BenchServer> {
  return startOfficial(timeoutMs);
}
