/**
 * Where a server's start after a crash goes: a workspace with paused seed threads is served,
 * SIGKILLed, and started again RESTARTS times under `node --cpu-prof`; prints the wall time to the
 * ready line and to the first answer (which waits for the heavy half: LangGraph, saver, indexes),
 * then the CPU profile of the last start by where the time went.
 *   npm run bench:restart            (RESTARTS=10 THREADS=40 by default)
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const RESTARTS = Number(process.env.RESTARTS ?? 10);
const THREADS = Number(process.env.THREADS ?? 40);

interface Started {
  url: string;
  readyMs: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function serve(dir: string, profileDir?: string): Promise<Started> {
  const started = performance.now();
  const flags = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...flags, join(ROOT, "bin/switchyard.js"), "serve", "--workspace", dir, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
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
    const first = await serve(dir);
    for (let i = 0; i < THREADS; i++) {
      const { thread_id } = await post(`${first.url}/threads`, {});
      await post(`${first.url}/threads/${thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "where?" }] }, interrupt_before: ["ask_human"] });
    }
    await first.kill("SIGKILL");
    const ready: number[] = [];
    const answered: number[] = [];
    for (let round = 0; round < RESTARTS; round++) {
      const last = round === RESTARTS - 1;
      const started = performance.now();
      const server = await serve(dir, last ? profiles : undefined);
      await fetch(`${server.url}/ok`);
      ready.push(server.readyMs);
      answered.push(performance.now() - started);
      // The profile is written on a clean exit only; the others die as in a crash.
      await server.kill(last ? "SIGTERM" : "SIGKILL");
    }
    console.log(`${RESTARTS} restarts after SIGKILL, ${THREADS} paused threads: ready line p50 ${p50(ready)} ms, first answer p50 ${p50(answered)} ms (max ${Math.round(Math.max(...answered))} ms)`);
    const profile = readdirSync(profiles).find((name) => name.endsWith(".cpuprofile"));
    if (profile) printProfile(JSON.parse(readFileSync(join(profiles, profile), "utf8")));
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
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const bucket = bucketOf(byId.get(id)!.callFrame);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`CPU profile of the last start (${Math.round(total)} ms until SIGTERM), self time by place:`);
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
