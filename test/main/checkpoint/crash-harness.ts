import fs from "node:fs";
import type { CheckpointTuple } from "@langchain/langgraph-checkpoint";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { CRASH_THREAD, crashLogFile } from "../../fixtures/checkpoint/crash-protocol";
import { fixtureCommand, spawnLines } from "../../fixtures/checkpoint/run-fixture";

/** Total kills across the crash suites; SWITCHYARD_KILLS=2000 for a long soak. */
export const TOTAL_KILLS = Number(process.env.SWITCHYARD_KILLS ?? 200);

export interface CrashRun {
  kills: number;
  acked: Set<string>;
  ackedWrites: Map<string, string[]>;
  tornTails: number;
  powerLosses: number;
  inFlightFound: number;
  inFlightAbsent: number;
  latestId: string | undefined;
}

export interface CrashOptions {
  dir: string;
  mode: "graph" | "raw";
  kills: number;
  /** Kill after a random 0..maxAcks acknowledged puts, plus 0..maxDelayMs more, so kills land anywhere in a put. */
  kill: { maxAcks: number; maxDelayMs: number };
  /**
   * Also simulate power loss after half the kills: cut the log at a random byte past what
   * acknowledged puts had fsynced, as if the unsynced tail never reached the disk.
   */
  losePowerToo?: boolean;
  /** Throws unless the tuple holds exactly what the writer put. */
  checkTuple(tuple: CheckpointTuple): void;
}

const thread = (checkpointId?: string) => ({ configurable: { thread_id: CRASH_THREAD, checkpoint_ns: "", ...(checkpointId ? { checkpoint_id: checkpointId } : {}) } });

/**
 * Starts the writer, SIGKILLs it at a random moment, reopens the log and checks it, and
 * again, `kills` times. After each kill: every put the writer saw resolve is there and
 * intact, the put in flight is wholly there or wholly absent, the chain of checkpoints
 * from the newest back to the previous round's newest is whole, and the next writer
 * resumes from that newest checkpoint.
 */
export async function crashRepeatedly(options: CrashOptions): Promise<CrashRun> {
  const fixture = await fixtureCommand("crash-writer.ts");
  const run: CrashRun = { kills: 0, acked: new Set(), ackedWrites: new Map(), tornTails: 0, powerLosses: 0, inFlightFound: 0, inFlightAbsent: 0, latestId: undefined };
  try {
    for (let round = 0; round < options.kills; round++) {
      const begun: string[] = [];
      const acked: string[] = [];
      let durableBytes = fileSize(crashLogFile(options.dir));
      const killAfterAcks = Math.floor(Math.random() * (options.kill.maxAcks + 1));
      let enoughAcks!: () => void;
      const acksReached = new Promise<void>((resolve) => (enoughAcks = resolve));
      const writer = spawnLines(fixture.command, [...fixture.args, options.dir, options.mode], (line) => {
        const [word, id, ...rest] = line.split(" ");
        if (word === "begin") begun.push(id);
        if (word === "ack") acked.push(id);
        if (word === "wack") run.ackedWrites.set(id, [...(run.ackedWrites.get(id) ?? []), rest[0]]);
        if (word === "ack" || word === "wack") durableBytes = Math.max(durableBytes, Number(rest[rest.length - 1]));
        if (acked.length >= killAfterAcks) enoughAcks();
      });
      const [, readyFrom] = await writer.waitForLine(/^ready (\S+)/);
      if ((readyFrom === "none" ? undefined : readyFrom) !== run.latestId) {
        throw new Error(`round ${round}: writer resumed from ${readyFrom}, expected ${run.latestId}`);
      }
      if (killAfterAcks > 0) await Promise.race([acksReached, writer.exited]);
      await sleep(Math.random() * options.kill.maxDelayMs);
      writer.child.kill("SIGKILL");
      const { signal } = await writer.exited;
      if (signal !== "SIGKILL") throw new Error(`round ${round}: writer exited by itself (${signal}); stderr:\n${writer.stderr()}`);
      run.kills++;
      for (const id of acked) run.acked.add(id);
      if (options.losePowerToo && Math.random() < 0.5) losePower(options.dir, durableBytes, run);
      await checkAfterKill(run, options, acked, begun.filter((id) => !acked.includes(id)));
    }
  } finally {
    fixture.cleanup();
  }
  return run;
}

async function checkAfterKill(run: CrashRun, options: CrashOptions, acked: string[], inFlight: string[]) {
  const saver = new FileCheckpointSaver(options.dir, { onTornTail: () => run.tornTails++ });
  try {
    for (const id of acked) {
      const tuple = await saver.getTuple(thread(id));
      if (!tuple) throw new Error(`checkpoint ${id} was acknowledged but is gone after the kill`);
      options.checkTuple(tuple);
    }
    for (const id of inFlight) {
      const tuple = await saver.getTuple(thread(id));
      if (tuple) options.checkTuple(tuple);
      if (tuple) run.inFlightFound++;
      else run.inFlightAbsent++;
    }
    const previousLatest = run.latestId;
    let tuple = await saver.getTuple(thread());
    run.latestId = tuple?.checkpoint.id;
    while (tuple && tuple.checkpoint.id !== previousLatest) {
      options.checkTuple(tuple);
      if (!tuple.parentConfig) break;
      tuple = await saver.getTuple(tuple.parentConfig);
      if (!tuple) throw new Error("a checkpoint's parent is missing");
    }
    if (previousLatest && tuple?.checkpoint.id !== previousLatest) throw new Error(`the newest checkpoint does not descend from ${previousLatest}`);
  } finally {
    await saver.close();
  }
}

/** After all kills: every checkpoint ever acknowledged is there and intact. */
export async function checkEverything(run: CrashRun, options: Pick<CrashOptions, "dir" | "checkTuple">) {
  const saver = new FileCheckpointSaver(options.dir);
  try {
    const seen = new Set<string>();
    for await (const tuple of saver.list(thread())) {
      options.checkTuple(tuple);
      seen.add(tuple.checkpoint.id);
      const writers = run.ackedWrites.get(tuple.checkpoint.id) ?? [];
      const stored = new Set(tuple.pendingWrites?.map(([taskId]) => taskId));
      for (const taskId of writers) if (!stored.has(taskId)) throw new Error(`acknowledged writes of ${taskId} are gone`);
    }
    const missing = [...run.acked].filter((id) => !seen.has(id));
    if (missing.length) throw new Error(`${missing.length} acknowledged checkpoints are gone, e.g. ${missing[0]}`);
    return seen.size;
  } finally {
    await saver.close();
  }
}

function losePower(dir: string, durableBytes: number, run: CrashRun) {
  const size = fileSize(crashLogFile(dir));
  if (size <= durableBytes) return;
  fs.truncateSync(crashLogFile(dir), durableBytes + Math.floor(Math.random() * (size - durableBytes)));
  run.powerLosses++;
}

function fileSize(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
