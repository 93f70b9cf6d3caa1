import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshCliBundle } from "../../scripts/cli-bundle.js";

// bin/switchyard.js runs out/cli only while it is newer than every source it was built from.
describe("freshCliBundle", () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "switchyard-cli-bundle-"));
    for (const dir of ["main/api", "shared", "out/cli", "main/node_modules"]) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ["main/api/app.ts", "shared/api.ts", "package.json", "out/cli/index.js", "main/node_modules/x.js"]) writeFileSync(join(root, file), "");
    for (const path of ["main/api/app.ts", "main/api", "main", "shared/api.ts", "shared", "package.json", "main/node_modules", "main/node_modules/x.js"]) at(path, 1000);
    at("out/cli/index.js", 2000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is the bundle's entry while every source is older", () => {
    expect(freshCliBundle(root)).toBe(join(root, "out/cli/index.js"));
  });

  it("is undefined once a source file deep in main/ or package.json is newer, or when there is no bundle", () => {
    at("main/api/app.ts", 3000);
    expect(freshCliBundle(root)).toBeUndefined();
    at("main/api/app.ts", 1000);
    at("package.json", 3000);
    expect(freshCliBundle(root)).toBeUndefined();
    at("package.json", 1000);
    rmSync(join(root, "out/cli/index.js"));
    expect(freshCliBundle(root)).toBeUndefined();
  });

  it("ignores node_modules inside the sources", () => {
    at("main/node_modules/x.js", 3000);
    expect(freshCliBundle(root)).toBe(join(root, "out/cli/index.js"));
  });
});
