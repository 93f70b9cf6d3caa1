import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ThreadStore } from "../../../main/workspace/thread-store";

describe("ThreadStore", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "switchyard-threads-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps threads across reopening, the last write winning and deletes staying deleted", () => {
    const store = new ThreadStore(dir);
    store.create("a", { owner: "me" });
    store.create("b", {});
    store.update("a", { status: "interrupted" });
    store.delete("b");
    store.close();
    const reopened = new ThreadStore(dir);
    expect(reopened.get("a")).toMatchObject({ thread_id: "a", status: "interrupted", metadata: { owner: "me" } });
    expect(reopened.get("b")).toBeUndefined();
    reopened.close();
  });

  it("skips a torn last line and marks a thread that was busy at a crash as error", () => {
    const store = new ThreadStore(dir);
    store.create("a", {});
    store.setStatus("a", "busy");
    store.close();
    appendFileSync(join(dir, "threads.jsonl"), '{"put":{"thread_id":"torn"');
    const reopened = new ThreadStore(dir);
    expect(reopened.get("a")?.status).toBe("error");
    expect(reopened.all().map((thread) => thread.thread_id)).toEqual(["a"]);
    reopened.create("c", {});
    reopened.close();
    const again = new ThreadStore(dir);
    expect(again.all().map((thread) => thread.thread_id).sort()).toEqual(["a", "c"]);
    again.close();
    expect(readFileSync(join(dir, "threads.jsonl"), "utf8")).not.toContain("torn");
  });
});
