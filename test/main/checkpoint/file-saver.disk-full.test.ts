import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { emptyCheckpoint, uuid6, type Checkpoint } from "@langchain/langgraph-checkpoint";
import type { RunnableConfig } from "@langchain/core/runnables";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { CheckpointWriteError } from "../../../main/checkpoint/errors";
import { makeTempDir, removeDir } from "./temp-dir";

/** A real full disk: a 64 kB tmpfs. Mounting needs root (CAP_SYS_ADMIN); without it these tests skip. */
const mountPoint = makeTempDir("switchyard-tmpfs-");
const mounted = tryMount();

function tryMount(): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint], { stdio: "pipe" });
    return true;
  } catch (error) {
    console.log(`skipping the disk-full tests: cannot mount a 64 kB tmpfs at ${mountPoint} (${String((error as Error).message).split("\n")[0]})`);
    return false;
  }
}

afterAll(() => {
  if (mounted) execFileSync("umount", [mountPoint]);
  removeDir(mountPoint);
});

const workspace = path.join(mountPoint, "ws");
const logFile = path.join(workspace, "threads", "t", "checkpoints.log");
const meta = { source: "loop" as const, step: 0, parents: {} };

function checkpoint(n: number): Checkpoint {
  return { ...emptyCheckpoint(), id: uuid6(-1), channel_values: { n, blob: `${n}:`.padEnd(6000, "z") }, channel_versions: { n, blob: n } };
}

test.runIf(mounted)("a put that hits a full disk rejects, the log keeps every earlier checkpoint, and writing resumes once there is room", async () => {
  fs.mkdirSync(workspace);
  const filler = path.join(mountPoint, "filler");
  fs.writeFileSync(filler, Buffer.alloc(16 * 1024));
  let saver = new FileCheckpointSaver(workspace);
  let config: RunnableConfig = { configurable: { thread_id: "t", checkpoint_ns: "" } };
  const saved: RunnableConfig[] = [];
  let failure: unknown;
  for (let n = 1; n < 100 && !failure; n++) {
    try {
      config = await saver.put(config, checkpoint(n), meta, { n, blob: n });
      saved.push(config);
    } catch (error) {
      failure = error;
    }
  }
  expect(failure).toBeInstanceOf(CheckpointWriteError);
  expect(String(failure)).toMatch(/thread t: could not save the checkpoint \(the disk is full\)/);
  expect(saved.length).toBeGreaterThan(2);
  const sizeAfterFailure = fs.statSync(logFile).size;

  await saver.close();
  const torn = vi.fn();
  saver = new FileCheckpointSaver(workspace, { onTornTail: torn });
  expect((await saver.getTuple({ configurable: { thread_id: "t" } }))?.config).toEqual(saved[saved.length - 1]);
  for (const [i, each] of saved.entries()) expect((await saver.getTuple(each))?.checkpoint.channel_values.n).toBe(i + 1);
  expect(torn).not.toHaveBeenCalled(); // the failed write was rolled back, not left as a torn tail
  expect(fs.statSync(logFile).size).toBe(sizeAfterFailure);

  fs.rmSync(filler);
  const next = await saver.put(config, checkpoint(1000), meta, { n: 1000, blob: 1000 });
  await saver.close();
  saver = new FileCheckpointSaver(workspace);
  expect((await saver.getTuple({ configurable: { thread_id: "t" } }))?.config).toEqual(next);
  await saver.close();
});
