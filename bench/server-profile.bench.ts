/**
 * `npm run bench:server-profile`: `switchyard serve` under bench:server's load (20 clients x 3
 * seed flows, then 50 threads x 1) with `node --cpu-prof`; prints where the server's CPU time
 * went, by place and by function. Timings here are for finding hot spots, not for comparing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { printProfile, type CpuProfile } from "./cpu-profile";
import { runLoad, singleFlowMs } from "./server-load";
import { startSwitchyard } from "./server-processes";

const profiles = mkdtempSync(join(os.tmpdir(), "switchyard-server-prof-"));
console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const server = await startSwitchyard({ nodeFlags: ["--cpu-prof", "--cpu-prof-dir", profiles] });
try {
  await singleFlowMs(server.url, 2);
  const twenty = await runLoad(server.url, 20, Number(process.env.BENCH_FLOWS_EACH ?? 3));
  const fifty = await runLoad(server.url, 50, 1);
  console.log(`20 clients: ${twenty.flowsPerSecond.toFixed(1)} flows/s, GET /state p95 ${twenty.stateP95.toFixed(1)} ms; 50 threads: ${fifty.flowsPerSecond.toFixed(1)} flows/s, GET /state p95 ${fifty.stateP95.toFixed(1)} ms`);
} finally {
  await server.stop();
}
const file = readdirSync(profiles).find((name) => name.endsWith(".cpuprofile"));
if (file) printProfile(JSON.parse(readFileSync(join(profiles, file), "utf8")) as CpuProfile, "CPU profile of switchyard serve under load", Number(process.env.TOP ?? 30));
else console.log("no CPU profile was written (the server did not exit cleanly)");
if (process.env.KEEP_PROFILE) console.log(`profile kept in ${profiles}`);
else rmSync(profiles, { recursive: true, force: true });
console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
