import fs from "node:fs";
import path from "node:path";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { MemorySaver, emptyCheckpoint, uuid6, type Checkpoint, type CheckpointTuple } from "@langchain/langgraph-checkpoint";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { CorruptCheckpointError, InvalidSaverOptionError, InvalidThreadIdError, WorkspaceLockedError } from "../../../main/checkpoint/errors";
import { buildCycleGraph, entryText } from "../../fixtures/checkpoint/cycle-graph";
import { makeTempDir, removeDir } from "./temp-dir";

let dir: string;
let saver: FileCheckpointSaver;
const savers: FileCheckpointSaver[] = [];

function open(options?: ConstructorParameters<typeof FileCheckpointSaver>[1]) {
  const opened = new FileCheckpointSaver(dir, options);
  savers.push(opened);
  return opened;
}

async function reopen(options?: ConstructorParameters<typeof FileCheckpointSaver>[1]) {
  await saver.close();
  saver = open(options);
  return saver;
}

beforeEach(() => {
  dir = makeTempDir();
  saver = open();
});
afterEach(async () => {
  for (const opened of savers.splice(0)) await opened.close();
  removeDir(dir);
  vi.restoreAllMocks();
});

const logFile = (threadId: string) => path.join(dir, "threads", threadId, "checkpoints.log");
const logSize = (threadId: string) => fs.statSync(logFile(threadId)).size;
const threadConfig = (threadId: string) => ({ configurable: { thread_id: threadId, checkpoint_ns: "" } });

function checkpointWith(values: Record<string, unknown>, versions: Record<string, number>): Checkpoint {
  return { ...emptyCheckpoint(), id: uuid6(-1), channel_values: values, channel_versions: versions };
}

async function history(checkpointer: FileCheckpointSaver | MemorySaver, threadId: string): Promise<CheckpointTuple[]> {
  const tuples: CheckpointTuple[] = [];
  for await (const tuple of checkpointer.list({ configurable: { thread_id: threadId } })) tuples.push(tuple);
  return tuples;
}

/** What a run's history says, without the ids that differ from run to run. */
function comparable(tuples: CheckpointTuple[]) {
  return tuples.map((t) => ({
    values: t.checkpoint.channel_values,
    versions: t.checkpoint.channel_versions,
    step: t.metadata?.step,
    source: t.metadata?.source,
    writes: t.pendingWrites?.map(([, channel, value]) => [channel, value]),
  }));
}

describe("reading back", () => {
  test.each(["entries", "messages"] as const)("a graph's whole %s history equals what MemorySaver keeps, before and after reopening", async (kind) => {
    const steps = 45;
    const memory = new MemorySaver();
    const config = { ...threadConfig("t"), recursionLimit: 100 };
    await buildCycleGraph(kind, steps, memory).invoke({ step: 0 }, config);
    await buildCycleGraph(kind, steps, saver).invoke({ step: 0 }, config);
    const expected = comparable(await history(memory, "t"));
    expect(expected).toHaveLength(steps + 2);
    expect(comparable(await history(saver, "t"))).toEqual(expected);
    await reopen();
    const reread = await history(saver, "t");
    expect(comparable(reread)).toEqual(expected);
    const latest = reread[0].checkpoint.channel_values as Record<string, unknown[]>;
    expect(latest[kind]).toHaveLength(steps);
    if (kind === "entries") expect(latest.entries).toEqual(Array.from({ length: steps }, (_, i) => entryText(i)));
    else expect(latest.messages[steps - 1]).toBeInstanceOf(AIMessage);
  });

  test("values of many kinds come back as the serde gives them back (as MemorySaver does)", async () => {
    const values = {
      messages: [new HumanMessage({ content: "hi", id: "h1" }), new AIMessage({ content: "hello", id: "a1" })],
      when: new Date("2026-01-02T03:04:05Z"),
      tags: new Set(["a", "b"]),
      bytes: new Uint8Array([1, 2, 3]),
      nothing: null,
      unicode: "naïve 🚂 \u0000 end",
    };
    const versions = Object.fromEntries(Object.keys(values).map((k) => [k, 1]));
    const checkpoint = checkpointWith(values, versions);
    const meta = { source: "input" as const, step: -1, parents: {} };
    const memory = new MemorySaver();
    const expected = await memory.getTuple(await memory.put(threadConfig("t"), checkpoint, meta));
    const returned = await saver.put(threadConfig("t"), checkpoint, meta, versions);
    await reopen();
    const tuple = await saver.getTuple(returned);
    expect(tuple?.checkpoint.channel_values).toEqual(expected?.checkpoint.channel_values);
    expect((tuple?.checkpoint.channel_values.messages as unknown[])[0]).toBeInstanceOf(HumanMessage);
    expect(tuple?.checkpoint.channel_values.tags).toEqual(new Set(["a", "b"]));
  });
});

describe("what a put writes", () => {
  const metadata = { source: "loop" as const, step: 1, parents: {} };

  test("appending one entry to a 1000-entry list stores about that entry, and every version reads back exactly", async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => entryText(i));
    let config = await saver.put(threadConfig("t"), checkpointWith({ entries }, { entries: 1 }), metadata, { entries: 1 });
    const before = logSize("t");
    const longer = [...entries, entryText(1000)];
    config = await saver.put(config, checkpointWith({ entries: longer }, { entries: 2 }), metadata, { entries: 2 });
    const appendedBytes = logSize("t") - before;
    expect(appendedBytes).toBeLessThan(1000);
    // Changing an early element is not an append: the bytes from that element on are stored again.
    const edited = [...longer];
    edited[500] = "edited";
    const third = await saver.put(config, checkpointWith({ entries: edited }, { entries: 3 }), metadata, { entries: 3 });
    await reopen();
    expect((await saver.getTuple(config))?.checkpoint.channel_values).toEqual({ entries: longer });
    expect((await saver.getTuple(third))?.checkpoint.channel_values).toEqual({ entries: edited });
  });

  test("a step that changes one small field does not store the large unchanged one again", async () => {
    const big = "b".repeat(100_000);
    const first = await saver.put(threadConfig("t"), checkpointWith({ big, small: 1 }, { big: 1, small: 1 }), metadata, { big: 1, small: 1 });
    const before = logSize("t");
    const second = await saver.put(first, checkpointWith({ big, small: 2 }, { big: 1, small: 2 }), metadata, { small: 2 });
    expect(logSize("t") - before).toBeLessThan(1000);
    expect((await saver.getTuple(second))?.checkpoint.channel_values).toEqual({ big, small: 2 });
    expect((await saver.getTuple(first))?.checkpoint.channel_values).toEqual({ big, small: 1 });
  });

  test("a fork that reuses a channel version number keeps each branch's own value", async () => {
    const root = await saver.put(threadConfig("t"), checkpointWith({ v: "root" }, { v: 1 }), metadata, { v: 1 });
    const left = await saver.put(root, checkpointWith({ v: "left" }, { v: 2 }), metadata, { v: 2 });
    const right = await saver.put(root, checkpointWith({ v: "right" }, { v: 2 }), metadata, { v: 2 });
    const leftChild = await saver.put(left, checkpointWith({ v: "left" }, { v: 2, w: 1 }), metadata, { w: 1 });
    const rightChild = await saver.put(right, checkpointWith({ v: "right" }, { v: 2, w: 1 }), metadata, { w: 1 });
    for (const reading of [false, true]) {
      if (reading) await reopen();
      expect((await saver.getTuple(leftChild))?.checkpoint.channel_values.v).toBe("left");
      expect((await saver.getTuple(rightChild))?.checkpoint.channel_values.v).toBe("right");
    }
  });

  test("concurrent puts and writes to several threads all land, each thread in order", async () => {
    const threads = ["a", "b", "c"];
    const configs = await Promise.all(
      threads.map((t) => saver.put(threadConfig(t), checkpointWith({ n: 0 }, { n: 1 }), metadata, { n: 1 })),
    );
    await Promise.all(
      configs.flatMap((config) => Array.from({ length: 20 }, (_, i) => saver.putWrites(config, [["n", i]], `task-${i}`))),
    );
    await reopen();
    for (const config of configs) {
      const tuple = await saver.getTuple(config);
      expect(tuple?.pendingWrites).toHaveLength(20);
    }
    expect(saver.listThreadIds()).toEqual(threads);
  });
});

describe("threads on disk", () => {
  test("deleteThread removes the thread's directory and nothing else", async () => {
    const meta = { source: "input" as const, step: -1, parents: {} };
    await saver.put(threadConfig("keep"), emptyCheckpoint(), meta, {});
    await saver.put(threadConfig("drop"), emptyCheckpoint(), meta, {});
    await saver.deleteThread("drop");
    expect(fs.existsSync(path.join(dir, "threads", "drop"))).toBe(false);
    expect(saver.listThreadIds()).toEqual(["keep"]);
    await reopen();
    expect(await saver.getTuple(threadConfig("drop"))).toBeUndefined();
    expect(await saver.getTuple(threadConfig("keep"))).toBeDefined();
  });

  test("thread ids differing only in case stay separate threads", async () => {
    const meta = { source: "input" as const, step: -1, parents: {} };
    await saver.put(threadConfig("Run-A"), checkpointWith({ x: "upper" }, { x: 1 }), meta, { x: 1 });
    await saver.put(threadConfig("run-a"), checkpointWith({ x: "lower" }, { x: 1 }), meta, { x: 1 });
    await reopen();
    expect(saver.listThreadIds()).toEqual(["Run-A", "run-a"]);
    expect((await saver.getTuple(threadConfig("Run-A")))?.checkpoint.channel_values.x).toBe("upper");
  });

  test.each(["../x", "a/b", "a\\b", "", ".", "..", ".hidden", "x".repeat(129), "__proto__", "constructor", "a\u0000b", "tab\there", "con", "a:b"])(
    "thread id %j is rejected by every method and nothing is written",
    async (threadId) => {
      const startedAt = Date.now() - 1000;
      const config = { configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: "c" } };
      const meta = { source: "input" as const, step: -1, parents: {} };
      await expect(saver.put(config, emptyCheckpoint(), meta, {})).rejects.toThrow(InvalidThreadIdError);
      await expect(saver.putWrites(config, [["x", 1]], "task")).rejects.toThrow(InvalidThreadIdError);
      await expect(saver.getTuple(config)).rejects.toThrow(InvalidThreadIdError);
      await expect(saver.list(config).next()).rejects.toThrow(InvalidThreadIdError);
      await expect(saver.deleteThread(threadId)).rejects.toThrow(InvalidThreadIdError);
      expect(fs.readdirSync(dir)).toEqual(["checkpoints.lock"]);
      // "../x" must not have escaped the workspace (a /tmp/x older than this test is someone else's).
      const escaped = path.join(path.dirname(dir), "x");
      expect(fs.existsSync(escaped) && fs.statSync(escaped).mtimeMs >= startedAt).toBe(false);
    },
  );

  test("with more threads than maxOpenThreads, idle ones are closed and reopened on demand", async () => {
    saver = await reopen({ maxOpenThreads: 2 });
    const meta = { source: "loop" as const, step: 0, parents: {} };
    const threads = ["t1", "t2", "t3", "t4", "t5"];
    const configs = await Promise.all(threads.map((t, i) => saver.put(threadConfig(t), checkpointWith({ i }, { i: 1 }), meta, { i: 1 })));
    for (let round = 0; round < 3; round++) {
      for (const [i, config] of configs.entries()) {
        await saver.putWrites(config, [["i", round]], `task-${round}`);
        expect((await saver.getTuple(config))?.checkpoint.channel_values).toEqual({ i });
      }
    }
    const listed = [];
    for await (const tuple of saver.list({ configurable: {} })) listed.push(tuple.pendingWrites?.length);
    expect(listed).toEqual([3, 3, 3, 3, 3]);
  });

  test("a 128-character id is fine", async () => {
    await saver.put(threadConfig("x".repeat(128)), emptyCheckpoint(), { source: "input", step: -1, parents: {} }, {});
    expect(saver.listThreadIds()).toEqual(["x".repeat(128)]);
  });
});

describe("damaged logs", () => {
  async function threeCheckpoints() {
    const meta = { source: "loop" as const, step: 0, parents: {} };
    const configs = [];
    let config = threadConfig("t") as { configurable: Record<string, string> };
    for (let i = 0; i < 3; i++) {
      config = (await saver.put(config, checkpointWith({ i }, { i: i + 1 }), meta, { i: i + 1 })) as typeof config;
      configs.push(config);
    }
    await saver.close();
    return configs;
  }

  test("a torn last record is cut off on open, reported, and the thread carries on", async () => {
    const configs = await threeCheckpoints();
    const size = logSize("t");
    fs.truncateSync(logFile("t"), size - 7);
    const onTornTail = vi.fn();
    saver = open({ onTornTail });
    const latest = await saver.getTuple(threadConfig("t"));
    expect(latest?.config.configurable?.checkpoint_id).toBe(configs[1].configurable.checkpoint_id);
    expect(onTornTail).toHaveBeenCalledWith(expect.objectContaining({ threadId: "t" }));
    await saver.put(latest!.config, checkpointWith({ i: 9 }, { i: 9 }), { source: "loop", step: 2, parents: {} }, { i: 9 });
    await reopen({ onTornTail });
    expect((await saver.getTuple(threadConfig("t")))?.checkpoint.channel_values).toEqual({ i: 9 });
    expect(onTornTail).toHaveBeenCalledTimes(1);
  });

  test("a flipped bit in the last record drops only that record", async () => {
    const configs = await threeCheckpoints();
    const bytes = fs.readFileSync(logFile("t"));
    bytes[bytes.length - 3] ^= 0x01;
    fs.writeFileSync(logFile("t"), bytes);
    saver = open({ onTornTail: () => undefined });
    expect((await saver.getTuple(threadConfig("t")))?.config.configurable?.checkpoint_id).toBe(configs[1].configurable.checkpoint_id);
    expect(await saver.getTuple(configs[0])).toBeDefined();
  });

  test("a flipped bit in an earlier record is a CorruptCheckpointError naming the thread and offset", async () => {
    await threeCheckpoints();
    const bytes = fs.readFileSync(logFile("t"));
    bytes[40] ^= 0x01;
    fs.writeFileSync(logFile("t"), bytes);
    saver = open();
    const failure = saver.getTuple(threadConfig("t"));
    await expect(failure).rejects.toThrow(CorruptCheckpointError);
    await expect(failure).rejects.toThrow(/thread t: checkpoint log is corrupt at byte 8\b/);
    // Nothing was truncated: the damage is left for "switchyard doctor" to deal with.
    expect(fs.readFileSync(logFile("t"))).toEqual(bytes);
  });
});

describe("durability", () => {
  const meta = { source: "loop" as const, step: 0, parents: {} };

  /** File syncs: fdatasync, or fsync for a new log's first sync (which also syncs its directories). */
  function countSyncs() {
    const datasyncs = vi.spyOn(fs, "fdatasync");
    const fullSyncs = vi.spyOn(fs, "fsync");
    return () => datasyncs.mock.calls.length + fullSyncs.mock.calls.length;
  }

  test('"sync" fsyncs before put and putWrites resolve', async () => {
    const syncs = countSyncs();
    const config = await saver.put(threadConfig("t"), emptyCheckpoint(), meta, {});
    expect(syncs()).toBe(1);
    await saver.putWrites(config, [["x", 1]], "task");
    expect(syncs()).toBe(2);
  });

  test('"exit" leaves fsync to close()', async () => {
    saver = await reopen({ durability: "exit" });
    const syncs = countSyncs();
    const config = await saver.put(threadConfig("t"), emptyCheckpoint(), meta, {});
    await saver.putWrites(config, [["x", 1]], "task");
    expect(syncs()).toBe(0);
    await saver.close();
    expect(syncs()).toBe(1);
  });

  test('"async" resolves first and fsyncs by itself within its window', async () => {
    saver = await reopen({ durability: "async", asyncFsyncDelayMs: 5 });
    const syncs = countSyncs();
    await saver.put(threadConfig("t"), emptyCheckpoint(), meta, {});
    await vi.waitFor(() => expect(syncs()).toBe(1));
  });

  test('"async" is a group commit: every append of one window shares one fsync', async () => {
    // A window far longer than the test, so that only flush() can end it.
    saver = await reopen({ durability: "async", asyncFsyncDelayMs: 600_000 });
    const syncs = countSyncs();
    let config: RunnableConfig = threadConfig("t");
    for (let i = 0; i < 5; i++) {
      config = await saver.put(config, { ...emptyCheckpoint(), id: uuid6(i) }, meta, {});
      await saver.putWrites(config, [["x", i]], "task");
    }
    await saver.put(threadConfig("u"), emptyCheckpoint(), meta, {});
    expect(syncs()).toBe(0);
    // What the window holds is in the file already: a second reader sees it before any fsync.
    expect(fs.statSync(logFile("t")).size).toBeGreaterThan(100);
    await saver.flush();
    expect(syncs()).toBe(2); // one per thread log
    expect((await saver.getTuple(threadConfig("t")))?.pendingWrites).toEqual([["task", "x", 4]]);
  });

  test('a "sync" append in an "async" window fsyncs the window with it, and the window adds no second fsync', async () => {
    saver = await reopen({ durability: "async", asyncFsyncDelayMs: 5 });
    await saver.put(threadConfig("t"), emptyCheckpoint(), meta, {});
    await saver.flush();
    const syncs = countSyncs();
    const config = await saver.put(threadConfig("t"), { ...emptyCheckpoint(), id: uuid6(1) }, meta, {});
    await saver.putWrites({ ...config, durability: "sync" } as never, [["x", 1]], "task");
    expect(syncs()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(syncs()).toBe(1);
  });

  test("a window that is not a number of milliseconds is refused before anything opens", async () => {
    await saver.close();
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => new FileCheckpointSaver(dir, { asyncFsyncDelayMs: bad })).toThrow(InvalidSaverOptionError);
    }
    expect(() => new FileCheckpointSaver(dir, { asyncFsyncDelayMs: -1 })).toThrow(/asyncFsyncDelayMs is -1; it must be a number of milliseconds/);
    // The lock was never taken: a good saver opens.
    saver = open();
  });

  test("a run's own durability wins over the saver's default", async () => {
    saver = await reopen({ durability: "exit" });
    const syncs = countSyncs();
    await saver.put({ ...threadConfig("t"), durability: "sync" } as never, emptyCheckpoint(), meta, {});
    expect(syncs()).toBe(1);
  });
});

describe("the workspace lock", () => {
  test("a second saver on the same directory fails fast while the first is open", async () => {
    expect(() => new FileCheckpointSaver(dir)).toThrow(WorkspaceLockedError);
    expect(() => new FileCheckpointSaver(dir)).toThrow(new RegExp(`held by process ${process.pid}`));
    await saver.close();
    saver = open();
  });

  test("a lock left by a process that no longer exists is taken over", async () => {
    await saver.close();
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max, so never a live process
    fs.writeFileSync(path.join(dir, "checkpoints.lock"), JSON.stringify({ pid: deadPid, host: (await import("node:os")).hostname(), token: "old" }));
    saver = open();
    expect(JSON.parse(fs.readFileSync(path.join(dir, "checkpoints.lock"), "utf8")).pid).toBe(process.pid);
  });

  test("close() releases the lock file", async () => {
    await saver.close();
    expect(fs.existsSync(path.join(dir, "checkpoints.lock"))).toBe(false);
  });
});
