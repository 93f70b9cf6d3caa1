import { emptyCheckpoint, uuid6, type Checkpoint } from "@langchain/langgraph-checkpoint";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { makeTempDir, removeDir } from "./temp-dir";

let dir: string;
let saver: FileCheckpointSaver;

beforeEach(() => {
  dir = makeTempDir();
  saver = new FileCheckpointSaver(dir);
});
afterEach(async () => {
  await saver.close();
  removeDir(dir);
});

const config = (checkpointId?: string, ns = "") => ({ configurable: { thread_id: "t", checkpoint_ns: ns, ...(checkpointId ? { checkpoint_id: checkpointId } : {}) } });
const checkpoint = (count: number, version = count): Checkpoint => ({ ...emptyCheckpoint(), id: uuid6(-1), channel_values: { count }, channel_versions: { count: version } });
const meta = (step: number) => ({ source: "loop" as const, step, parents: {} });

/** A line of checkpoints: count 1, 2, 3, ... each the child of the one before. */
async function line(length: number, ns = "") {
  const ids: string[] = [];
  for (let count = 1; count <= length; count++) {
    const saved = await saver.put(config(ids.at(-1), ns), checkpoint(count), meta(count), { count });
    ids.push(saved.configurable!.checkpoint_id as string);
  }
  return ids;
}

async function ids(ns?: string) {
  const listed: string[] = [];
  for await (const tuple of saver.list({ configurable: { thread_id: "t", ...(ns === undefined ? {} : { checkpoint_ns: ns }) } })) listed.push(tuple.checkpoint.id);
  return listed;
}

describe("deleteCheckpoints (rollback of a run)", () => {
  test("takes the checkpoints and their pending writes back, for good, and keeps the rest readable", async () => {
    const [first, second, third, fourth] = await line(4);
    await saver.putWrites(config(third), [["count", 99]], "task");
    await saver.deleteCheckpoints("t", [
      { ns: "", id: third },
      { ns: "", id: fourth },
    ]);
    expect(await ids("")).toEqual([second, first]);
    expect((await saver.getTuple(config()))?.checkpoint.id).toBe(second);
    expect(await saver.getTuple(config(third))).toBeUndefined();

    await saver.close();
    saver = new FileCheckpointSaver(dir);
    expect(await ids("")).toEqual([second, first]);
    expect((await saver.getTuple(config()))?.checkpoint.channel_values).toEqual({ count: 2 });
    // A run that goes on from the kept checkpoint writes the same channel versions again.
    const next = await saver.put(config(second), checkpoint(30, 3), meta(3), { count: 3 });
    expect((await saver.getTuple(next))?.checkpoint.channel_values).toEqual({ count: 30 });
    expect((await saver.getTuple(next))?.pendingWrites).toEqual([]);
  });

  test("a checkpoint kept whose parent was taken back still reads its values", async () => {
    const [first, second, third] = await line(3);
    await saver.deleteCheckpoints("t", [{ ns: "", id: second }]);
    await saver.close();
    saver = new FileCheckpointSaver(dir);
    expect(await ids("")).toEqual([third, first]);
    expect((await saver.getTuple(config(third)))?.checkpoint.channel_values).toEqual({ count: 3 });
  });

  test("takes checkpoints of several namespaces back at once; unknown ids and threads are no-ops", async () => {
    const [root] = await line(1);
    const [inner] = await line(1, "child:1");
    await saver.deleteCheckpoints("t", [
      { ns: "child:1", id: inner },
      { ns: "", id: "not-there" },
    ]);
    expect(await ids()).toEqual([root]);
    await saver.deleteCheckpoints("t", []);
    await saver.deleteCheckpoints("no-such-thread", [{ ns: "", id: root }]);
    expect(saver.listThreadIds()).toEqual(["t"]);
  });
});
