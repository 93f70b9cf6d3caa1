import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { FileCheckpointSaver } from "../main/checkpoint/file-saver";
import { buildCycleGraph, type ListKind } from "../test/fixtures/checkpoint/cycle-graph";

/**
 * "sqlite" is SqliteSaver as shipped: WAL with better-sqlite3's default synchronous=NORMAL,
 * which does not fsync on commit (only at WAL checkpoints), so a power cut can lose the
 * last commits. "sqlite-full" sets synchronous=FULL: an fsync per commit, the same promise
 * as FileCheckpointSaver's durability "sync", which "file" runs with.
 */
type SaverName = "memory" | "sqlite" | "sqlite-full" | "file";
const SAVERS: SaverName[] = ["memory", "sqlite", "sqlite-full", "file"];
const THREAD_STEPS = [200, 1000];
const KINDS: ListKind[] = ["entries", "messages"];
const WARM_READS = 50;
/** Savers take turns within each round; times are the best of the rounds, so a noisy neighbour on the machine skews less. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Row {
  kind: ListKind;
  saver: SaverName;
  steps: number;
  msPerStep: number;
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
  const saver = new FileCheckpointSaver(dir, { durability: "sync" });
  return { saver, close: () => saver.close(), reopen: () => new FileCheckpointSaver(dir, { durability: "sync" }) };
}

function bytesOnDisk(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function runThread(kind: ListKind, name: SaverName, steps: number, dir: string, saver: BaseCheckpointSaver): Promise<Row> {
  const graph = buildCycleGraph(kind, steps, saver);
  const config = { configurable: { thread_id: `${kind}-${steps}` }, recursionLimit: steps + 10, durability: "sync" as const };
  const started = performance.now();
  const final = await graph.invoke({ step: 0 }, config);
  const ms = performance.now() - started;
  if (final.step !== steps || final[kind].length !== steps) throw new Error(`${name}: graph ran ${final.step} steps`);
  return { kind, saver: name, steps, msPerStep: ms / steps, bytes: name === "memory" ? undefined : bytesOnDisk(dir) };
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

const fmtBytes = (n: number | undefined) => (n === undefined ? "-" : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const pad = (s: string, n: number) => s.padEnd(n);

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-"));
  const best = new Map<string, Row>();
  const latency = new Map<string, { kind: ListKind; name: SaverName; coldMs: number; warmMs: number }>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        for (const name of SAVERS) {
          // Each saver's threads of one kind share a directory, as a workspace would.
          const dir = fs.mkdtempSync(path.join(root, `${kind}-${name}-`));
          const saver = openSaver(name, dir);
          let before = 0;
          for (const steps of THREAD_STEPS) {
            const row = await runThread(kind, name, steps, dir, saver.saver);
            if (row.bytes !== undefined) [row.bytes, before] = [row.bytes - before, row.bytes];
            const key = `${kind}/${name}/${steps}`;
            if (!best.has(key) || best.get(key)!.msPerStep > row.msPerStep) best.set(key, row);
          }
          if (name !== "memory") {
            const { coldMs, warmMs } = await getTupleLatency(saver, `${kind}-1000`);
            const key = `${kind}/${name}`;
            const seen = latency.get(key);
            latency.set(key, { kind, name, coldMs: Math.min(coldMs, seen?.coldMs ?? Infinity), warmMs: Math.min(warmMs, seen?.warmMs ?? Infinity) });
          } else await saver.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  printTable(KINDS.flatMap((kind) => SAVERS.flatMap((name) => THREAD_STEPS.map((steps) => best.get(`${kind}/${name}/${steps}`)!))));
  console.log("");
  for (const { kind, name, coldMs, warmMs } of latency.values()) {
    console.log(`${pad(kind, 9)} ${pad(name, 12)} getTuple, newest of the 1000-checkpoint thread: cold (fresh open) ${coldMs.toFixed(2)} ms, warm ${warmMs.toFixed(3)} ms`);
  }
}

function printTable(rows: Row[]) {
  console.log(`checkpoint bench: ${os.cpus().length} cpus, node ${process.version}, durability "sync" for every saver, best of ${ROUNDS} rounds`);
  console.log("");
  console.log(`${pad("list", 9)} ${pad("steps", 6)} ${pad("saver", 12)} ${pad("ms/step", 9)} ${pad("on disk", 10)} ${pad("time file/sqlite-full", 22)} bytes file/sqlite-full`);
  const find = (r: Row, saver: SaverName) => rows.find((x) => x.kind === r.kind && x.steps === r.steps && x.saver === saver)!;
  for (const row of rows) {
    const ratios = row.saver === "file" ? ratioText(row, find(row, "sqlite-full")) : ["", ""];
    console.log(`${pad(row.kind, 9)} ${pad(String(row.steps), 6)} ${pad(row.saver, 12)} ${pad(row.msPerStep.toFixed(3), 9)} ${pad(fmtBytes(row.bytes), 10)} ${pad(ratios[0], 22)} ${ratios[1]}`);
  }
  console.log("");
  for (const kind of KINDS) {
    const total = (saver: SaverName, f: (r: Row) => number) => rows.filter((r) => r.kind === kind && r.saver === saver).reduce((s, r) => s + f(r), 0);
    const stepsTotal = THREAD_STEPS.reduce((a, b) => a + b, 0);
    const msPerStep = (saver: SaverName) => total(saver, (r) => r.msPerStep * r.steps) / stepsTotal;
    const fileBytes = total("file", (r) => r.bytes!);
    for (const sqlite of ["sqlite-full", "sqlite"] as const) {
      const sqliteBytes = total(sqlite, (r) => r.bytes!);
      console.log(
        `${pad(kind, 9)} ${THREAD_STEPS.join("+")} steps, file vs ${pad(sqlite + ":", 12)} ${msPerStep("file").toFixed(3)} vs ${msPerStep(sqlite).toFixed(3)} ms/step ` +
          `(${(msPerStep("file") / msPerStep(sqlite)).toFixed(2)}x), ${fmtBytes(fileBytes)} vs ${fmtBytes(sqliteBytes)} on disk (1/${(sqliteBytes / fileBytes).toFixed(1)})`,
      );
    }
  }
}

function ratioText(file: Row, sqlite: Row): [string, string] {
  return [(file.msPerStep / sqlite.msPerStep).toFixed(2) + "x", "1/" + (sqlite.bytes! / file.bytes!).toFixed(1)];
}

await main();
