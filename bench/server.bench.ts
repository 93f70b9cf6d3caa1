/**
 * `npm run bench:server`: the seed flow (ask, pause before ask_human, answer as ask_human, finish)
 * against `switchyard serve` and, in the same run, the official LangGraph.js dev server on an
 * equivalent code-defined graph; prints throughput, latencies and the ratios.
 */
import { runLoad, singleFlowMs, type LoadResult } from "./server-load";
import { startOfficial, startSwitchyard, type BenchServer } from "./server-processes";

interface Measured {
  singleMs: number;
  twenty: LoadResult;
  fifty: LoadResult;
}

async function measure(server: BenchServer, scale: { twentyEach: number }): Promise<Measured> {
  await singleFlowMs(server.url, 2); // warm-up: compile, JIT, first checkpoint files
  const singleMs = await singleFlowMs(server.url, 5);
  const twenty = await runLoad(server.url, 20, scale.twentyEach);
  const fifty = await runLoad(server.url, 50, 1);
  return { singleMs, twenty, fifty };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

function table(mine: Measured, official: Measured | undefined) {
  const rows: Array<[string, number, number | undefined, "higher" | "lower"]> = [
    ["single seed flow, median ms", mine.singleMs, official?.singleMs, "lower"],
    ["20 clients: flows/s", mine.twenty.flowsPerSecond, official?.twenty.flowsPerSecond, "higher"],
    ["50 threads: flows/s", mine.fifty.flowsPerSecond, official?.fifty.flowsPerSecond, "higher"],
    ["50 threads: GET /state p50 ms", mine.fifty.stateP50, official?.fifty.stateP50, "lower"],
    ["50 threads: GET /state p95 ms", mine.fifty.stateP95, official?.fifty.stateP95, "lower"],
    ["50 threads: first SSE frame p50 ms", mine.fifty.firstFrameP50, official?.fifty.firstFrameP50, "lower"],
    ["50 threads: first SSE frame p95 ms", mine.fifty.firstFrameP95, official?.fifty.firstFrameP95, "lower"],
  ];
  const lines = [`| metric | switchyard | official dev server | switchyard advantage |`, `|---|---:|---:|---:|`];
  for (const [name, a, b, better] of rows) {
    const ratio = b === undefined ? NaN : better === "higher" ? a / b : b / a;
    lines.push(`| ${name} | ${fmt(a)} | ${b === undefined ? "n/a" : fmt(b)} | ${Number.isFinite(ratio) ? `${fmt(ratio)}x` : "-"} |`);
  }
  const errors = (label: string, m: Measured | undefined) =>
    m ? `${label}: ${m.twenty.failed + m.fifty.failed} failed of ${m.twenty.flows + m.fifty.flows} flows${m.twenty.firstError ?? m.fifty.firstError ? ` (first: ${m.twenty.firstError ?? m.fifty.firstError})` : ""}` : "";
  return [...lines, "", errors("switchyard", mine), errors("official", official)].filter(Boolean).join("\n");
}

async function main() {
  console.log("switchyard serve: starting (FileCheckpointSaver, durability sync: every checkpoint fsynced)");
  const switchyard = await startSwitchyard();
  console.log(`  ready line after ${switchyard.readyMs.toFixed(0)} ms (process spawn included)`);
  let mine: Measured;
  try {
    mine = await measure(switchyard, { twentyEach: 5 });
  } finally {
    await switchyard.stop();
  }
  let official: Measured | undefined;
  let whyNot = "";
  console.log("official LangGraph.js dev server (@langchain/langgraph-cli dev, in-memory): starting");
  try {
    const server = await startOfficial();
    try {
      official = await measure(server, { twentyEach: 2 });
    } finally {
      await server.stop();
    }
  } catch (error) {
    whyNot = `the official dev server could not be measured: ${(error as Error).message}`;
  }
  console.log(`\n${table(mine, official)}`);
  if (whyNot) console.log(`\n${whyNot}`);
  const failures = mine.twenty.failed + mine.fifty.failed;
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();
