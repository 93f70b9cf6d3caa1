/**
 * `npm run bench:server`: the seed flow (ask, pause before ask_human, answer as ask_human, finish)
 * against `switchyard serve` and, in the same run, the official LangGraph.js dev server on an
 * equivalent code-defined graph; prints throughput, latencies, server CPU time and the ratios.
 * Fair by construction: the same counts on both, two rounds in alternating order, medians,
 * and the machine's load average at start and end.
 */
import os from "node:os";
import { runLoad, singleFlowMs, type LoadResult } from "./server-load";
import { startOfficial, startSwitchyard, type BenchServer } from "./server-processes";

interface Measured {
  singleMs: number;
  twenty: LoadResult;
  fifty: LoadResult;
  /** CPU seconds the server's processes used during the measurement. */
  cpuSeconds: number;
}

/** The same counts for both servers: 20 clients x TWENTY_EACH flows, then 50 threads x 1. */
const TWENTY_EACH = Number(process.env.BENCH_FLOWS_EACH ?? 3);
const ROUNDS = 2;

async function measure(server: BenchServer): Promise<Measured> {
  await singleFlowMs(server.url, 2); // warm-up: compile, JIT, first checkpoint files
  const cpuBefore = server.cpuSeconds();
  const singleMs = await singleFlowMs(server.url, 5);
  const twenty = await runLoad(server.url, 20, TWENTY_EACH);
  const fifty = await runLoad(server.url, 50, 1);
  return { singleMs, twenty, fifty, cpuSeconds: server.cpuSeconds() - cpuBefore };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

type Row = [string, (m: Measured) => number, "higher" | "lower"];
const ROWS: Row[] = [
  ["single seed flow, median ms", (m) => m.singleMs, "lower"],
  ["20 clients: flows/s", (m) => m.twenty.flowsPerSecond, "higher"],
  ["20 clients: GET /state p50 ms", (m) => m.twenty.stateP50, "lower"],
  ["20 clients: GET /state p95 ms", (m) => m.twenty.stateP95, "lower"],
  ["50 threads: flows/s", (m) => m.fifty.flowsPerSecond, "higher"],
  ["50 threads: GET /state p50 ms", (m) => m.fifty.stateP50, "lower"],
  ["50 threads: GET /state p95 ms", (m) => m.fifty.stateP95, "lower"],
  ["50 threads: first SSE frame p50 ms", (m) => m.fifty.firstFrameP50, "lower"],
  ["50 threads: first SSE frame p95 ms", (m) => m.fifty.firstFrameP95, "lower"],
  ["server CPU s for the whole measurement", (m) => m.cpuSeconds, "lower"],
];

function table(mine: Measured[], official: Measured[]) {
  const lines = [`| metric (median of ${ROUNDS} rounds; each round's values in brackets) | switchyard | official dev server | switchyard advantage |`, `|---|---:|---:|---:|`];
  for (const [name, of, better] of ROWS) {
    const a = median(mine.map(of));
    const b = official.length ? median(official.map(of)) : NaN;
    const ratio = better === "higher" ? a / b : b / a;
    const each = (ms: Measured[]) => (ms.length ? ` [${ms.map((m) => fmt(of(m))).join(", ")}]` : "");
    lines.push(`| ${name} | ${fmt(a)}${each(mine)} | ${official.length ? fmt(b) : "n/a"}${each(official)} | ${Number.isFinite(ratio) ? `${fmt(ratio)}x` : "-"} |`);
  }
  const errors = (label: string, ms: Measured[]) =>
    ms.length ? `${label}: ${ms.reduce((n, m) => n + m.twenty.failed + m.fifty.failed, 0)} failed of ${ms.reduce((n, m) => n + m.twenty.flows + m.fifty.flows, 0)} flows${ms.map((m) => m.twenty.firstError ?? m.fifty.firstError).find(Boolean) ? ` (first: ${ms.map((m) => m.twenty.firstError ?? m.fifty.firstError).find(Boolean)})` : ""}` : "";
  return [...lines, "", errors("switchyard", mine), errors("official", official)].filter(Boolean).join("\n");
}

async function main() {
  const loadAtStart = load();
  console.log(`load average at start: ${loadAtStart} (${os.cpus().length} cpus); each server: 20 clients x ${TWENTY_EACH} flows, then 50 threads x 1; ${ROUNDS} rounds, order alternating`);
  console.log("switchyard serve: starting (FileCheckpointSaver, durability sync: every checkpoint fsynced)");
  const switchyard = await startSwitchyard();
  console.log(`  ready line after ${switchyard.readyMs.toFixed(0)} ms (process spawn included)`);
  let official: BenchServer | undefined;
  let whyNot = "";
  console.log("official LangGraph.js dev server (@langchain/langgraph-cli dev, in-memory): starting");
  try {
    official = await startOfficial();
  } catch (error) {
    whyNot = `the official dev server could not be measured: ${(error as Error).message}`;
  }
  const mine: Measured[] = [];
  const theirs: Measured[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Both servers stay up for the whole run; only the one being measured gets load.
      const order = round % 2 === 0 ? (["switchyard", "official"] as const) : (["official", "switchyard"] as const);
      for (const name of order) {
        if (name === "switchyard") mine.push(await measure(switchyard));
        else if (official) theirs.push(await measure(official));
      }
      console.log(`  round ${round + 1} done (${order.join(" then ")}), load average ${load()}`);
    }
  } finally {
    await switchyard.stop();
    await official?.stop();
  }
  console.log(`\n${table(mine, theirs)}`);
  if (whyNot) console.log(`\n${whyNot}`);
  console.log(`\nload average at start ${loadAtStart}, at end ${load()}`);
  const failures = mine.reduce((n, m) => n + m.twenty.failed + m.fifty.failed, 0);
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();
