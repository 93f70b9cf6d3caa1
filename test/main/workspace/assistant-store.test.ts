import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AssistantStore } from "../../../main/workspace/assistant-store";

describe("AssistantStore", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "switchyard-assistants-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fields = { graph_id: "agent", name: "a", description: null, config: {}, context: { tone: "dry" }, metadata: {} };

  it("versions every update, points back with setLatest, and keeps it all across a reopen", () => {
    const store = new AssistantStore(dir);
    store.create("a1", fields);
    expect(store.update("a1", { context: { tone: "warm" } })).toMatchObject({ version: 2, context: { tone: "warm" }, name: "a" });
    expect(store.setLatest("a1", 1)).toMatchObject({ version: 1, context: { tone: "dry" } });
    expect(store.setLatest("a1", 9)).toBeUndefined();
    expect(store.update("a1", { name: "b" }).version).toBe(3);
    store.close();

    const reopened = new AssistantStore(dir);
    expect(reopened.get("a1")).toMatchObject({ version: 3, name: "b", context: { tone: "dry" } });
    expect(reopened.versionsOf("a1").map((version) => version.version)).toEqual([3, 2, 1]);
    expect(reopened.delete("a1")).toBe(true);
    reopened.close();
    expect(new AssistantStore(dir).get("a1")).toBeUndefined();
  });
});
