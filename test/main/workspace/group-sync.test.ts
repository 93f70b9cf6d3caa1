import fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GroupSync, IndexSyncError } from "../../../main/workspace/group-sync";

type Callback = (error: NodeJS.ErrnoException | null) => void;

describe("GroupSync", () => {
  let dir: string;
  let fd: number;
  let callbacks: Callback[];
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), "switchyard-group-sync-"));
    fd = fs.openSync(join(dir, "index.jsonl"), "a");
    callbacks = [];
    vi.spyOn(fs, "fdatasync").mockImplementation(((_fd: number, callback: Callback) => void callbacks.push(callback)) as never);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const settled = async (promise: Promise<unknown>) => {
    let state = "pending";
    promise.then(() => (state = "resolved"), () => (state = "rejected"));
    await new Promise((done) => setImmediate(done));
    return state;
  };

  it("writes made while an fdatasync runs share the next one; each waiter waits for the one that covers its writes", async () => {
    const sync = new GroupSync("index.jsonl", () => fd);
    sync.wrote();
    const first = sync.synced();
    sync.wrote();
    sync.wrote();
    const second = sync.synced();
    expect(callbacks).toHaveLength(1); // one fdatasync at a time
    callbacks.shift()!(null);
    expect(await settled(first)).toBe("resolved");
    expect(await settled(second)).toBe("pending"); // its writes came after the first fdatasync started
    expect(callbacks).toHaveLength(1); // the two later writes share one
    callbacks.shift()!(null);
    expect(await settled(second)).toBe("resolved");
    expect(await settled(sync.synced())).toBe("resolved"); // nothing left unsynced
  });

  it("a failed fdatasync rejects its waiters with IndexSyncError naming the file; the next synced() tries again", async () => {
    const sync = new GroupSync("threads.jsonl", () => fd);
    sync.wrote();
    const failed = sync.synced();
    callbacks.shift()!(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }));
    await expect(failed).rejects.toThrow(IndexSyncError);
    await expect(failed).rejects.toThrow(/threads\.jsonl.*EIO/);
    const retried = sync.synced();
    expect(callbacks).toHaveLength(1);
    callbacks.shift()!(null);
    expect(await settled(retried)).toBe("resolved");
  });

  it("close() settles every waiter: the log fdatasynced the file itself", async () => {
    const sync = new GroupSync("runs.jsonl", () => fd);
    sync.wrote();
    const waiting = sync.synced();
    sync.close();
    expect(await settled(waiting)).toBe("resolved");
    callbacks.shift()!(null); // the late callback changes nothing
    expect(await settled(sync.synced())).toBe("resolved");
  });
});
