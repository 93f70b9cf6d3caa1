import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppendLog, isObject, type DamagedLine } from "../../../main/workspace/append-log";

type Entry = { id: string };
const isEntry = (value: unknown): value is Entry => isObject(value) && typeof value.id === "string";

describe("AppendLog", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), "switchyard-append-log-"));
    file = join(dir, "index.jsonl");
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('under "sync", writes each record at once and synced() resolves only after an fdatasync that came after it; "exit" syncs on close only', async () => {
    const callbacks: Array<(error: NodeJS.ErrnoException | null) => void> = [];
    const fdatasync = vi.spyOn(fs, "fdatasync").mockImplementation(((_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void callbacks.push(callback)) as never);
    const blocking = vi.spyOn(fs, "fdatasyncSync");
    const { log } = AppendLog.open<Entry>(file, { durability: "sync", isRecord: isEntry });
    log.append({ id: "a" });
    expect(fs.readFileSync(file, "utf8")).toBe('{"id":"a"}\n'); // in the file (survives SIGKILL) before append returns
    let synced = false;
    const waiting = log.synced().then(() => (synced = true));
    await new Promise((done) => setImmediate(done));
    expect(synced).toBe(false); // its fdatasync has not finished
    expect(fdatasync).toHaveBeenCalledTimes(1);
    callbacks.shift()!(null);
    await waiting;
    expect(blocking).not.toHaveBeenCalled(); // the event loop never waited for the disk
    log.close();
    fdatasync.mockRestore();
    blocking.mockClear();
    const { log: lazy } = AppendLog.open<Entry>(file, { durability: "exit", isRecord: isEntry });
    lazy.append({ id: "b" });
    expect(blocking).not.toHaveBeenCalled();
    lazy.close();
    expect(blocking).toHaveBeenCalledTimes(1);
  });

  it('under "async", the appends of one window share one fsync, which comes without close', async () => {
    const fsync = vi.spyOn(fs, "fdatasyncSync");
    const { log } = AppendLog.open<Entry>(file, { durability: "async", isRecord: isEntry });
    fsync.mockClear(); // a new file is synced with its folder on open
    for (const id of ["a", "b", "c"]) log.append({ id });
    expect(fsync).not.toHaveBeenCalled();
    expect(fs.readFileSync(file, "utf8")).toBe('{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n');
    await vi.waitFor(() => expect(fsync).toHaveBeenCalledTimes(1));
    log.close();
    expect(fsync).toHaveBeenCalledTimes(1); // nothing was left to sync
  });

  it("reports damaged and null lines by file and line, keeps the rest, and moves the damage to <file>.damaged when compacting", () => {
    fs.writeFileSync(file, '{"id":"a"}\nnull\n{garbage\n{"id":"b"}\n{"other":1}\n{"id":"c"}\n{"id":"to');
    const seen: DamagedLine[] = [];
    const { log, records } = AppendLog.open<Entry>(file, { isRecord: isEntry, onDamagedLine: (line) => seen.push(line) });
    expect(records).toEqual([{ id: "a" }, { id: "b" }, { id: "c" }]);
    expect(seen.map(({ line, reason }) => [line, reason])).toEqual([
      [2, "not a record of this file (null)"],
      [3, "not valid JSON"],
      [5, 'not a record of this file ({"other":1})'],
      [7, "an interrupted write (the last line is cut short): cut off"],
    ]);
    log.append({ id: "d" });
    log.compact(records);
    log.close();
    expect(fs.readFileSync(file, "utf8")).toBe('{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n');
    const kept = fs.readFileSync(`${file}.damaged`, "utf8").trim().split("\n").map((line) => JSON.parse(line).text);
    expect(kept).toEqual(["null", "{garbage", '{"other":1}', '{"id":"to']);
  });

  it("ends a whole last record that lost only its newline instead of dropping it", () => {
    fs.writeFileSync(file, '{"id":"a"}\n{"id":"b"}');
    const { log, records } = AppendLog.open<Entry>(file, { isRecord: isEntry, onDamagedLine: () => {} });
    log.append({ id: "c" });
    log.close();
    expect(records).toEqual([{ id: "a" }, { id: "b" }]);
    expect(fs.readFileSync(file, "utf8")).toBe('{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n');
  });

  it("cuts a failed write back off the file, so the next record starts on a clean line", () => {
    const { log } = AppendLog.open<Entry>(file, { isRecord: isEntry });
    log.append({ id: "a" });
    const write = fs.writeSync;
    vi.spyOn(fs, "writeSync").mockImplementationOnce(((fd: number, buffer: Buffer): number => {
      write(fd, buffer.subarray(0, 5)); // half a record, then the disk is full
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }) as unknown as typeof fs.writeSync);
    expect(() => log.append({ id: "lost" })).toThrow(/ENOSPC/);
    log.append({ id: "b" });
    log.close();
    expect(fs.readFileSync(file, "utf8")).toBe('{"id":"a"}\n{"id":"b"}\n');
  });
});
