/** Starting the two servers `npm run bench:server` compares, each on a free loopback port. */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
  /** CPU seconds (user + system) used so far by the server's process group (Linux; NaN elsewhere). */
  cpuSeconds(): number;
}

/** Sums utime + stime (and that of waited-for children) of every live process in a process group. */
export function processGroupCpuSeconds(pgid: number): number {
  if (process.platform !== "linux") return NaN;
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the ")" that ends the command name: state is field 3, pgrp 5, utime 14 ... cstime 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / ticksPerSecond;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

function stopper(child: ChildProcess, cleanup: () => void) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
    cleanup();
  };
}

/** `switchyard serve` on a temporary copy of the example workspace (`nodeFlags` such as --cpu-prof, `serveArgs` such as --workers 2). */
export async function startSwitchyard(options: { nodeFlags?: string[]; serveArgs?: string[] } = {}): Promise<BenchServer & { readyMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-bench-"));
  cpSync(join(ROOT, "examples/weather-agent"), dir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), join(ROOT, "bin/switchyard.js"), "serve", "--workspace", dir, "--port", "0", ...(options.serveArgs ?? [])], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (data) => (output += data));
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on("data", (data) => {
      output += data;
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]);
    });
    child.once("exit", (code) => fail(new Error(`switchyard serve exited with ${code}:\n${output}`)));
  });
  const readyMs = performance.now() - started;
  return { url, readyMs, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })), cpuSeconds: () => processGroupCpuSeconds(child.pid!) };
}

/**
 * The official LangGraph.js dev server (`langgraphjs dev` from @langchain/langgraph-cli) on the
 * code-defined seed graph in bench/server-official, run from a temporary copy so its
 * `.langgraph_api` state stays out of the repo.
 */
export async function startOfficial(timeoutMs = 90_000): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-bench-official-"));
  cpSync(join(ROOT, "bench/server-official"), dir, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
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
  const stop = stopper(child, () => rmSync(dir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const up = await fetch(`${url}/ok`).then((response) => response.ok, () => false);
    if (up) return { url, stop, cpuSeconds: () => processGroupCpuSeconds(child.pid!) };
    await new Promise((done) => setTimeout(done, 300));
  }
  await stop();
  throw new Error(`the official dev server did not answer /ok within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
}
