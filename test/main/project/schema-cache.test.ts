import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SchemaCache, sourceFingerprint } from "../../../main/project/schema-cache";

describe("the parsed-schema cache", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-schemas-"));
    mkdirSync(join(dir, "src"));
    mkdirSync(join(dir, "node_modules/pkg"), { recursive: true });
    writeFileSync(join(dir, "src/graph.ts"), "export const graph = 1;");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("fingerprints the project's own sources: an edit changes it, node_modules and run data do not", () => {
    const before = sourceFingerprint(dir, "v1");
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(dir, "node_modules/pkg/index.js"), "x");
    mkdirSync(join(dir, ".switchyard"));
    writeFileSync(join(dir, ".switchyard/schema-cache.json"), "{}");
    expect(sourceFingerprint(dir, "v1")).toBe(before);
    expect(sourceFingerprint(dir, "v2")).not.toBe(before);
    writeFileSync(join(dir, "src/graph.ts"), "export const graph = 2;");
    expect(sourceFingerprint(dir, "v1")).not.toBe(before);
  });

  it("keeps one entry per graph across instances, and treats an unreadable file as empty", () => {
    const file = join(dir, ".switchyard/schema-cache.json");
    const cache = new SchemaCache<{ n: number }>(file);
    cache.set("trip|./a.ts:graph|f1", { n: 1 });
    cache.set("chat|./b.ts:graph|f1", { n: 2 });
    cache.set("trip|./a.ts:graph|f2", { n: 3 });
    const again = new SchemaCache<{ n: number }>(file);
    expect(again.get("trip|./a.ts:graph|f1")).toBeUndefined();
    expect(again.get("trip|./a.ts:graph|f2")).toEqual({ n: 3 });
    expect(again.get("chat|./b.ts:graph|f1")).toEqual({ n: 2 });
    writeFileSync(file, "{not json");
    expect(new SchemaCache(file).get("chat|./b.ts:graph|f1")).toBeUndefined();
  });
});
