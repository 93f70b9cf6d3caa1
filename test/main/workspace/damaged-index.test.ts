import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DamagedLine } from "../../../main/workspace/append-log";
import { AssistantStore } from "../../../main/workspace/assistant-store";
import { FileItemStore } from "../../../main/workspace/item-store";
import { RunLog } from "../../../main/workspace/run-log";
import { ThreadStore } from "../../../main/workspace/thread-store";

const thread = { thread_id: "t1", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z", metadata: {}, status: "idle", config: {} };
const run = { run_id: "r1", thread_id: "t1", assistant_id: "agent", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z", status: "success", metadata: {}, kwargs: {}, multitask_strategy: "reject" };
const assistant = { assistant_id: "a1", graph_id: "agent", name: "A", description: null, version: 1, config: {}, context: {}, metadata: {}, created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z" };
const item = { namespace: ["notes"], key: "k", value: { text: "kept" }, created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z" };

// `null`, a record of the wrong shape (the old "Cannot use 'in' operator" crash) and garbage, around one good record.
const damaged = (good: unknown) => ["null", "42", '{"put":null}', "{garbage", JSON.stringify(good), '{"delete":7}', ""].join("\n");

describe("an index with damaged lines opens, warns naming file and line, and keeps its good records", () => {
  let dir: string;
  let seen: DamagedLine[];
  const note = (line: DamagedLine) => seen.push(line);
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), "switchyard-damaged-index-"));
    seen = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expectWarnings = (file: string) => expect(seen.map((line) => `${line.file.slice(dir.length + 1)}:${line.line}`)).toEqual([1, 2, 3, 4, 6].map((n) => `${file}:${n}`));

  it("threads.jsonl", () => {
    fs.writeFileSync(join(dir, "threads.jsonl"), damaged({ put: thread }));
    const store = new ThreadStore(dir, "sync", note);
    expect(store.all()).toEqual([thread]);
    expectWarnings("threads.jsonl");
    store.close();
  });

  it("runs.jsonl", () => {
    fs.writeFileSync(join(dir, "runs.jsonl"), damaged({ put: run }));
    const store = new RunLog(dir, "sync", note);
    expect(store.ofThread("t1")).toEqual([run]);
    expectWarnings("runs.jsonl");
    store.close();
  });

  it("assistants.jsonl", () => {
    fs.writeFileSync(join(dir, "assistants.jsonl"), damaged({ assistant }));
    const store = new AssistantStore(dir, "sync", note);
    expect(store.all()).toEqual([assistant]);
    expectWarnings("assistants.jsonl");
    store.close();
  });

  it("store.jsonl", async () => {
    fs.writeFileSync(join(dir, "store.jsonl"), damaged({ put: item }));
    const store = new FileItemStore(dir, "sync", note);
    expect((await store.search(["notes"])).map((found) => found.value)).toEqual([{ text: "kept" }]);
    expectWarnings("store.jsonl");
    store.close();
  });

  it("warns on stderr by default, naming .switchyard/<file> and the line", () => {
    const data = join(dir, ".switchyard");
    fs.mkdirSync(data);
    fs.writeFileSync(join(data, "threads.jsonl"), `null\n${JSON.stringify({ put: thread })}\n`);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    new ThreadStore(data).close();
    expect(warn).toHaveBeenCalledWith("switchyard: .switchyard/threads.jsonl line 1: skipped a damaged record (not a record of this file (null))");
    warn.mockRestore();
  });
});
