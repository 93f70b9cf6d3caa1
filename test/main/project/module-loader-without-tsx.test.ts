// The packaged desktop app leaves tsx out of its bundle (scripts/build.js, CLI_ONLY_PACKAGES):
// the loader must still import JavaScript projects and say clearly why TypeScript ones fail.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

vi.mock("tsx/esm/api", () => {
  throw new Error("Cannot find package 'tsx'");
});
vi.mock("tsx/cjs/api", () => {
  throw new Error("Cannot find package 'tsx'");
});

const { importProjectModule, TypeScriptUnavailableError } = await import("../../../main/project/module-loader");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-no-tsx-"));
  writeFileSync(join(dir, "graph.mjs"), "export const graph = 42;\n");
  writeFileSync(join(dir, "graph.ts"), "export const graph: number = 42;\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("project modules without tsx", () => {
  it("still imports JavaScript modules", async () => {
    await expect(importProjectModule(join(dir, "graph.mjs"), 1)).resolves.toMatchObject({ graph: 42 });
  });

  it("refuses TypeScript modules with what to run instead", async () => {
    const failure = importProjectModule(join(dir, "graph.ts"), 1);
    await expect(failure).rejects.toThrow(TypeScriptUnavailableError);
    await expect(failure).rejects.toThrow(/JavaScript projects only.*npx switchyard serve --config/);
  });
});
