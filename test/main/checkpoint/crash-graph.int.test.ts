import type { CheckpointTuple } from "@langchain/langgraph-checkpoint";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { buildCycleGraph, entryText } from "../../fixtures/checkpoint/cycle-graph";
import { CRASH_THREAD } from "../../fixtures/checkpoint/crash-protocol";
import { TOTAL_KILLS, checkEverything, crashRepeatedly } from "./crash-harness";
import { makeTempDir, removeDir } from "./temp-dir";

const kills = Math.ceil(TOTAL_KILLS / 2);

/** The cycle graph appends entryText(step) once per step, so a checkpoint's entries follow from its step. */
function checkTuple(tuple: CheckpointTuple) {
  const values = tuple.checkpoint.channel_values as { step?: number; entries?: string[] };
  const step = values.step ?? 0;
  const entries = values.entries ?? [];
  if (entries.length !== step) throw new Error(`checkpoint ${tuple.checkpoint.id}: step ${step} but ${entries.length} entries`);
  entries.forEach((entry, i) => {
    if (entry !== entryText(i)) throw new Error(`checkpoint ${tuple.checkpoint.id}: entry ${i} is ${JSON.stringify(entry.slice(0, 40))}`);
  });
}

test(
  `a StateGraph killed ${kills} times mid-run keeps every acknowledged checkpoint and resumes from the newest`,
  async () => {
    const dir = makeTempDir();
    try {
      const run = await crashRepeatedly({ dir, mode: "graph", kills, kill: { maxAcks: 12, maxDelayMs: 4 }, checkTuple, losePowerToo: true });
      const stored = await checkEverything(run, { dir, checkTuple });
      console.log(
        `graph crash test: ${run.kills} kills, ${run.acked.size} acknowledged puts, ${stored} checkpoints on disk, ` +
          `in-flight puts found whole ${run.inFlightFound} / absent ${run.inFlightAbsent}, ${run.powerLosses} simulated power losses, torn tails cut ${run.tornTails}`,
      );
      expect(run.kills).toBe(kills);
      expect(run.acked.size).toBeGreaterThan(kills);

      // The thread carries on from its newest checkpoint in a fresh process (this one).
      const saver = new FileCheckpointSaver(dir);
      const config = { configurable: { thread_id: CRASH_THREAD }, recursionLimit: 100 };
      const latest = await saver.getTuple(config);
      const step = (latest!.checkpoint.channel_values as { step: number }).step;
      const final = await buildCycleGraph("entries", step + 25, saver).invoke(null, config);
      await saver.close();
      expect(final.step).toBe(step + 25);
      expect(final.entries).toEqual(Array.from({ length: step + 25 }, (_, i) => entryText(i)));
    } finally {
      removeDir(dir);
    }
  },
  kills * 2_000 + 30_000,
);
