/**
 * Where a server's start after a crash goes: a workspace with paused seed threads is served,
 * SIGKILLed, and started again RESTARTS times under `node --cpu-prof`; prints the wall time to the
 * ready line and to the first answer (which waits for the heavy half: LangGraph, saver, indexes),
 * then the CPU profile of the last start by where the time went.
 * Both ways bin/switchyard.js starts: from the TypeScript sources through tsx, and from the CLI
 * bundle (out/cli, built first when stale), alternating.
 *   npm run bench:restart            (RESTARTS=10 THREADS=40 by default)
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const RESTARTS = Number(process.env.RESTARTS ?? 10);
const THREADS = Number(process.env.THREADS ?? 40);

interface Started {
  url: string;
  readyMs: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

type Mode = "source" | "bundle";

async function serve(dir: string, mode: Mode, profileDir?: string): Promise<Started> {
  const started = performance.now();
  const flags = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...flags, join(ROOT, "bin/switchyard.js"), "serve", "--workspace", dir, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SWITCHYARD_FROM_SOURCE: mode === "source" ? "1" : "" } });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  let output = "";
  child.stderr!.on("data", (data) => (output += data));
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on("data", (data) => {
      output += data;
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]);
    });
    child.once("exit", (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, readyMs: performance.now() - started, kill: async (signal) => void (child.kill(signal), await exited) };
}

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((response) => response.json() as Promise<{ thread_id: string }>);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-restart-bench-"));
  const profiles = mkdtempSync(join(tmpdir(), "switchyard-restart-prof-"));
  cpSync(join(ROOT, "examples/weather-agent"), dir, { recursive: true });
  try {
    const built = spawnSync(process.execPath, [join(ROOT, "scripts/build.js"), "--only", "cli", "--if-stale"], { cwd: ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`the CLI bundle could not be built:\n${built.stdout}${built.stderr}`);
    const first = await serve(dir, "source");
    for (let i = 0; i < THREADS; i++) {
      const { thread_id } = await post(`${first.url}/threads`, {});
      await post(`${first.url}/threads/${thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "where?" }] }, interrupt_before: ["ask_human"] });
    }
    await first.kill("SIGKILL");
    const times = { source: { ready: [] as number[], answered: [] as number[] }, bundle: { ready: [] as number[], answered: [] as number[] } };
    for (let round = 0; round < RESTARTS; round++) {
      for (const mode of (round % 2 === 0 ? ["source", "bundle"] : ["bundle", "source"]) as Mode[]) {
        const last = round === RESTARTS - 1;
        const started = performance.now();
        const server = await serve(dir, mode, last ? join(profiles, mode) : undefined);
        await fetch(`${server.url}/ok`);
        times[mode].ready.push(server.readyMs);
        times[mode].answered.push(performance.now() - started);
        // The profile is written on a clean exit only; the others die as in a crash.
        await server.kill(last ? "SIGTERM" : "SIGKILL");
      }
    }
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}; ${RESTARTS} restarts after SIGKILL of each kind, alternating, ${THREADS} paused threads:`);
    console.log("| start | ready line p50 ms | first answer p50 ms | first answer max ms |\n|---|---:|---:|---:|");
    for (const mode of ["source", "bundle"] as Mode[]) {
      console.log(`| ${mode === "source" ? "from source (tsx)" : "CLI bundle (out/cli)"} | ${p50(times[mode].ready)} | ${p50(times[mode].answered)} | ${Math.round(Math.max(...times[mode].answered))} |`);
    }
    for (const mode of ["source", "bundle"] as Mode[]) {
      const profile = readdirSync(join(profiles, mode)).find((name) => name.endsWith(".cpuprofile"));
      if (profile) printProfile(JSON.parse(readFileSync(join(profiles, mode, profile), "utf8")), mode);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profiles, { recursive: true, force: true });
  }
}

function p50(values: number[]): number {
  return Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time by where the code lives: a package, tsx's transform, our folders, Node itself, GC, idle. */
function printProfile(profile: CpuProfile, mode: Mode): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const bucket = bucketOf(byId.get(id)!.callFrame);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`CPU profile of the last start ${mode === "source" ? "from source" : "from the bundle"} (${Math.round(total)} ms until SIGTERM), self time by place:`);
  for (const [bucket, ms] of [...buckets].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${String(Math.round(ms)).padStart(6)} ms  ${bucket}`);
}

function bucketOf({ url, functionName }: { url: string; functionName: string }): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native/builtin)";
  if (url.startsWith("node:")) return "node internals (module loading, fs)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split("/");
    return `package ${rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const local = url.indexOf("/main/");
  return local >= 0 ? url.slice(local + 1).split("/").slice(0, 2).join("/") : url;
}

await main();
