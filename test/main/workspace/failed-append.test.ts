import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AssistantStore } from "../../../main/workspace/assistant-store";
import { FileItemStore } from "../../../main/workspace/item-store";
import { RunLog } from "../../../main/workspace/run-log";
import { ThreadStore } from "../../../main/workspace/thread-store";
import type { Run } from "../../../shared/api";

/** A value JSON.stringify cannot write: it overflows the stack, as a 10,000-level request body did. */
function deepValue(levels = 10_000): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The disk refuses the next write (a full disk), once. */
function failNextWrite() {
  const spy = vi.spyOn(fs, "writeSync").mockImplementationOnce(() => {
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  });
  return spy;
}

const run = (id: string, metadata: Record<string, unknown> = {}): Run => ({
  run_id: id,
  thread_id: "t",
  assistant_id: "agent",
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  status: "success",
  metadata,
  kwargs: {},
  multitask_strategy: "reject",
});

describe("a store whose append throws keeps its memory unchanged", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(join(tmpdir(), "switchyard-failed-append-"))));
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["a value JSON cannot write", () => undefined, deepValue()],
    ["a full disk", failNextWrite, { fine: true }],
  ])("ThreadStore: %s", (_name, arrange, metadata) => {
    const threads = new ThreadStore(dir);
    threads.create("a", { owner: "me" });
    const before = structuredClone(threads.all());
    arrange();
    expect(() => threads.update("a", { metadata })).toThrow();
    arrange();
    expect(() => threads.create("b", metadata)).toThrow();
    expect(threads.all()).toEqual(before);
    expect(() => JSON.stringify(threads.all())).not.toThrow();
    threads.close();
    const reopened = new ThreadStore(dir);
    expect(reopened.all()).toEqual(before);
    reopened.close();
  });

  it.each([
    ["a value JSON cannot write", () => undefined, deepValue()],
    ["a full disk", failNextWrite, { fine: true }],
  ])("RunLog: %s", (_name, arrange, metadata) => {
    const runs = new RunLog(dir);
    runs.put(run("r1"));
    arrange();
    expect(() => runs.put(run("r2", metadata))).toThrow();
    arrange();
    expect(() => runs.put({ ...run("r1"), status: "error", metadata })).toThrow();
    expect(runs.ofThread("t")).toEqual([run("r1")]);
    runs.close();
    const reopened = new RunLog(dir);
    expect(reopened.ofThread("t")).toEqual([run("r1")]);
    reopened.close();
  });

  it.each([
    ["a value JSON cannot write", () => undefined, deepValue()],
    ["a full disk", failNextWrite, { fine: true }],
  ])("AssistantStore: %s", (_name, arrange, metadata) => {
    const assistants = new AssistantStore(dir);
    const fields = { graph_id: "agent", config: {}, context: {}, metadata: {}, name: "A", description: null };
    assistants.create("a1", fields);
    const before = structuredClone({ all: assistants.all(), versions: assistants.versionsOf("a1") });
    arrange();
    expect(() => assistants.update("a1", { metadata })).toThrow();
    arrange();
    expect(() => assistants.create("a2", { ...fields, metadata })).toThrow();
    expect({ all: assistants.all(), versions: assistants.versionsOf("a1") }).toEqual(before);
    assistants.close();
    const reopened = new AssistantStore(dir);
    expect({ all: reopened.all(), versions: reopened.versionsOf("a1") }).toEqual(before);
    reopened.close();
  });

  it.each([
    ["a value JSON cannot write", () => undefined, deepValue()],
    ["a full disk", failNextWrite, { fine: true }],
  ])("FileItemStore: %s", async (_name, arrange, value) => {
    const store = new FileItemStore(dir);
    await store.put(["users"], "u1", { theme: "dark" });
    arrange();
    await expect(store.put(["users"], "u1", value)).rejects.toThrow();
    arrange();
    await expect(store.put(["users"], "u2", value)).rejects.toThrow();
    const items = async (from: FileItemStore) => (await from.search(["users"])).map((item) => [item.key, item.value]);
    expect(await items(store)).toEqual([["u1", { theme: "dark" }]]);
    store.close();
    const reopened = new FileItemStore(dir);
    expect(await items(reopened)).toEqual([["u1", { theme: "dark" }]]);
    reopened.close();
  });
});
