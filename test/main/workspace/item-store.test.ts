import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileItemStore } from "../../../main/workspace/item-store";

describe("FileItemStore", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "switchyard-store-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps puts and deletes, with their timestamps, across a reopen", async () => {
    const store = new FileItemStore(dir);
    await store.put(["users", "u1"], "prefs", { theme: "dark" });
    await store.put(["users", "u1"], "gone", { x: 1 });
    await store.put(["users", "u2"], "prefs", { theme: "light" });
    await store.delete(["users", "u1"], "gone");
    const before = await store.get(["users", "u1"], "prefs");
    store.close();

    const reopened = new FileItemStore(dir);
    const after = await reopened.get(["users", "u1"], "prefs");
    expect(after?.value).toEqual({ theme: "dark" });
    expect(new Date(after!.createdAt).toISOString()).toBe(new Date(before!.createdAt).toISOString());
    expect(await reopened.get(["users", "u1"], "gone")).toBeNull();
    expect((await reopened.search(["users"], { filter: { theme: "light" } })).map((item) => item.namespace)).toEqual([["users", "u2"]]);
    expect(await reopened.listNamespaces({ prefix: ["users"] })).toEqual([
      ["users", "u1"],
      ["users", "u2"],
    ]);
    reopened.close();
  });
});
