import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { FileCheckpointSaver } from "../main/checkpoint/file-saver";
import { ASYNC_FSYNC_DELAY_MS } from "../main/checkpoint/durability";
import { buildCycleGraph, type ListKind } from "../test/fixtures/checkpoint/cycle-graph";

/**
 * Two questions, each answered with every saver in the same run (one warm-up round, then
 * ROUNDS rounds with the savers in rotated order; each figure is the median of the rounds):
 *
 * - "default": LangGraph's default durability ("async": the loop does not wait for a put
 *   before the next step). file = FileCheckpointSaver with durability "async", a group commit
 *   that fsyncs at most every ASYNC_FSYNC_DELAY_MS; sqlite = SqliteSaver as shipped (WAL,
 *   synchronous=NORMAL, which fsyncs only at WAL checkpoints); memory = MemorySaver.
 * - "sync": every put fsynced before it resolves and before the next step. file-sync =
 *   FileCheckpointSaver durability "sync"; sqlite-full = SqliteSaver with synchronous=FULL.
 */
type SaverName = "memory" | "sqlite" | "file" | "sqlite-full" | "file-sync";
type Mode = "default" | "sync";
const SAVERS: Record<Mode, SaverName[]> = { default: ["memory", "sqlite", "file"], sync: ["sqlite-full", "file-sync"] };
const THREAD_STEPS = [200, 1000];
const KINDS: ListKind[] = ["entries", "messages"];
const WARM_READS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Sample {
  msPerStep: number;
  cpuMsPerStep: number;
  bytes: number | undefined;
}

interface Saver {
  saver: BaseCheckpointSaver;
  close(): Promise<void>;
  reopen(): BaseCheckpointSaver;
}

function openSaver(name: SaverName, dir: string): Saver {
  if (name === "memory") {
    const saver = new MemorySaver();
    return { saver, close: async () => undefined, reopen: () => saver };
  }
  if (name === "sqlite" || name === "sqlite-full") {
    const file = path.join(dir, "checkpoints.sqlite");
    const open = () => {
      const saver = SqliteSaver.fromConnString(file);
      // Set after the saver's own setup, which switches to WAL and with it to NORMAL.
      (saver as unknown as { setup(): void }).setup();
      if (name === "sqlite-full") saver.db.pragma("synchronous = FULL");
      return saver;
    };
    const saver = open();
    return { saver, close: async () => saver.db.close(), reopen: open };
  }
  const durability = name === "file" ? "async" : "sync";
  const saver = new FileCheckpointSaver(dir, { durability });
  return { saver, close: () => saver.close(), reopen: () => new FileCheckpointSaver(dir, { durability }) };
}

function bytesOnDisk(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function runThread(kind: ListKind, mode: Mode, steps: number, saver: BaseCheckpointSaver) {
  const graph = buildCycleGraph(kind, steps, saver);
  const config = { configurable: { thread_id: `${kind}-${steps}` }, recursionLimit: steps + 10, ...(mode === "sync" ? { durability: "sync" as const } : {}) };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const final = await graph.invoke({ step: 0 }, config);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (final.step !== steps || final[kind].length !== steps) throw new Error(`graph ran ${final.step} steps`);
  return { msPerStep: ms / steps, cpuMsPerStep: (used.user + used.system) / 1000 / steps };
}

async function getTupleLatency(saver: Saver, threadId: string) {
  await saver.close();
  const fresh = saver.reopen();
  let started = performance.now();
  const cold = await fresh.getTuple({ configurable: { thread_id: threadId } });
  const coldMs = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < WARM_READS; i++) await fresh.getTuple({ configurable: { thread_id: threadId } });
  const warmMs = (performance.now() - started) / WARM_READS;
  if (!cold) throw new Error(`no checkpoint for ${threadId}`);
  if ("close" in fresh && typeof fresh.close === "function") await fresh.close();
  if (fresh instanceof SqliteSaver) fresh.db.close();
  return { coldMs, warmMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtBytes = (n: number | undefined) => (n === undefined ? "-" : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const pad = (s: string, n: number) => s.padEnd(n);
const rotate = <T>(xs: T[], by: number) => xs.map((_, i) => xs[(i + by) % xs.length]);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

/** One saver, one kind: a 200-step and a 1000-step thread in one directory, then getTuple on a fresh open. */
async function runSaver(root: string, kind: ListKind, mode: Mode, name: SaverName, record: boolean, samples: Map<string, Sample[]>, latency: Map<string, { coldMs: number[]; warmMs: number[] }>) {
  const dir = fs.mkdtempSync(path.join(root, `${kind}-${name}-`));
  const saver = openSaver(name, dir);
  let before = 0;
  for (const steps of THREAD_STEPS) {
    const { msPerStep, cpuMsPerStep } = await runThread(kind, mode, steps, saver.saver);
    let bytes: number | undefined;
    if (name !== "memory") [bytes, before] = [bytesOnDisk(dir) - before, bytesOnDisk(dir)];
    const key = `${kind}/${name}/${steps}`;
    if (record) samples.set(key, [...(samples.get(key) ?? []), { msPerStep, cpuMsPerStep, bytes }]);
  }
  if (name !== "memory") {
    const { coldMs, warmMs } = await getTupleLatency(saver, `${kind}-1000`);
    const seen = latency.get(`${kind}/${name}`) ?? { coldMs: [], warmMs: [] };
    if (record) latency.set(`${kind}/${name}`, { coldMs: [...seen.coldMs, coldMs], warmMs: [...seen.warmMs, warmMs] });
  } else await saver.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const loadAtStart = load();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-"));
  const samples = new Map<string, Sample[]>();
  const latency = new Map<string, { coldMs: number[]; warmMs: number[] }>();
  try {
    for (let round = -1; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        for (const mode of ["default", "sync"] as Mode[]) {
          for (const name of rotate(SAVERS[mode], Math.max(round, 0))) await runSaver(root, kind, mode, name, round >= 0, samples, latency);
        }
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(`checkpoint bench: ${os.cpus().length} cpus, node ${process.version}, 20-node cycle, ~200-byte append per step`);
  console.log(`one warm-up round, then median of ${ROUNDS} rounds, savers in rotated order; load average at start ${loadAtStart}, at end ${load()}`);
  console.log(`file = FileCheckpointSaver durability "async" (group commit: fsync at most every ${ASYNC_FSYNC_DELAY_MS} ms); file-sync = durability "sync" (fsync before each put resolves)`);
  for (const mode of ["default", "sync"] as Mode[]) printTable(mode, samples);
  console.log("");
  for (const [key, { coldMs, warmMs }] of latency) {
    const [kind, name] = key.split("/");
    console.log(`${pad(kind, 9)} ${pad(name, 12)} getTuple, newest of the 1000-checkpoint thread: cold (fresh open) ${median(coldMs).toFixed(2)} ms, warm ${median(warmMs).toFixed(3)} ms`);
  }
}

function printTable(mode: Mode, samples: Map<string, Sample[]>) {
  const names = SAVERS[mode];
  const base: SaverName = mode === "default" ? "memory" : "sqlite-full";
  console.log("");
  console.log(mode === "default" ? `LangGraph's default durability ("async"), ratios against MemorySaver:` : `durability "sync" on the run, ratios against SqliteSaver synchronous=FULL:`);
  console.log(`${pad("list", 9)} ${pad("steps", 6)} ${pad("saver", 12)} ${pad("ms/step", 9)} ${pad(`x ${base}`, 14)} ${pad("cpu ms/step", 12)} ${pad("on disk", 10)}`);
  const at = (kind: ListKind, name: SaverName, steps: number) => {
    const list = samples.get(`${kind}/${name}/${steps}`)!;
    return { ms: median(list.map((s) => s.msPerStep)), cpu: median(list.map((s) => s.cpuMsPerStep)), bytes: list[0].bytes };
  };
  for (const kind of KINDS) {
    for (const steps of THREAD_STEPS) {
      for (const name of names) {
        const row = at(kind, name, steps);
        const ratio = name === base ? "" : `${(row.ms / at(kind, base, steps).ms).toFixed(2)}x`;
        console.log(`${pad(kind, 9)} ${pad(String(steps), 6)} ${pad(name, 12)} ${pad(row.ms.toFixed(3), 9)} ${pad(ratio, 14)} ${pad(row.cpu.toFixed(3), 12)} ${pad(fmtBytes(row.bytes), 10)}`);
      }
    }
  }
}

await main();
