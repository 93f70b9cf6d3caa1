import type { CheckpointTuple } from "@langchain/langgraph-checkpoint";
import { digestOf } from "../../fixtures/checkpoint/crash-protocol";
import { TOTAL_KILLS, checkEverything, crashRepeatedly } from "./crash-harness";
import { makeTempDir, removeDir } from "./temp-dir";

const kills = Math.floor(TOTAL_KILLS / 2);

/** The raw writer stores a digest beside each list and inside each write. */
function checkTuple(tuple: CheckpointTuple) {
  const values = tuple.checkpoint.channel_values as { items?: string[]; digest?: string };
  if (values.items === undefined) return;
  if (digestOf(values.items) !== values.digest) throw new Error(`checkpoint ${tuple.checkpoint.id}: list does not match its digest`);
  for (const [taskId, , value] of tuple.pendingWrites ?? []) {
    const write = value as { payload: string; digest: string };
    if (digestOf(write.payload) !== write.digest) throw new Error(`checkpoint ${tuple.checkpoint.id}: write of ${taskId} does not match its digest`);
  }
}

test(
  `large irregular puts killed ${kills} times are each wholly there or wholly absent`,
  async () => {
    const dir = makeTempDir();
    try {
      const run = await crashRepeatedly({ dir, mode: "raw", kills, kill: { maxAcks: 6, maxDelayMs: 4 }, checkTuple, losePowerToo: true });
      const stored = await checkEverything(run, { dir, checkTuple });
      console.log(
        `raw crash test: ${run.kills} kills, ${run.acked.size} acknowledged puts, ${stored} checkpoints on disk, ` +
          `in-flight puts found whole ${run.inFlightFound} / absent ${run.inFlightAbsent}, ${run.powerLosses} simulated power losses, torn tails cut ${run.tornTails}`,
      );
      expect(run.kills).toBe(kills);
      expect(run.acked.size).toBeGreaterThan(kills);
    } finally {
      removeDir(dir);
    }
  },
  kills * 2_000 + 30_000,
);
