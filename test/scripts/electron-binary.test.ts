// Finding the Electron binary without the electron package's download-on-require (Electron >= 42).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findElectronBinary } from "../../scripts/electron-binary.js";

let dir: string;
let packageDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-electron-binary-"));
  packageDir = join(dir, "electron");
  mkdirSync(packageDir);
  writeFileSync(join(packageDir, "package.json"), '{"name":"electron","version":"45.6.0"}');
  // What electron's index.js does when required without a binary: download. It must never run.
  writeFileSync(join(packageDir, "index.js"), `require("fs").writeFileSync(${JSON.stringify(join(dir, "required"))}, "x");`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function installBinary(): string {
  mkdirSync(join(packageDir, "dist"));
  writeFileSync(join(packageDir, "path.txt"), "electron");
  writeFileSync(join(packageDir, "dist/electron"), "");
  return join(packageDir, "dist/electron");
}

describe("findElectronBinary", () => {
  it("reports a package without a downloaded binary, without requiring the package", () => {
    expect(findElectronBinary({ env: {}, packageDir, platform: "linux" })).toEqual({ reason: "the Electron binary is not installed (node_modules/electron has no dist/)" });
    expect(existsSync(join(dir, "required"))).toBe(false);
  });

  it("finds the binary path.txt names in dist/", () => {
    const binary = installBinary();
    expect(findElectronBinary({ env: {}, packageDir, platform: "linux" })).toEqual({ path: binary });
  });

  it("reports a path.txt whose binary is gone", () => {
    writeFileSync(join(packageDir, "path.txt"), "electron");
    expect(findElectronBinary({ env: {}, packageDir, platform: "linux" }).reason).toBe(`the Electron binary is missing (expected at ${join(packageDir, "dist/electron")})`);
  });

  it("honours ELECTRON_OVERRIDE_DIST_PATH as electron's index.js does", () => {
    const dist = join(dir, "override");
    mkdirSync(dist);
    expect(findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir, platform: "linux" }).reason).toContain("ELECTRON_OVERRIDE_DIST_PATH is set, but");
    writeFileSync(join(dist, "electron"), "");
    expect(findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir, platform: "linux" })).toEqual({ path: join(dist, "electron") });
  });

  it("says when the electron package itself is missing", () => {
    expect(findElectronBinary({ env: {}, packageDir: join(dir, "nowhere") }).reason).toBe("the electron package is not installed (run npm install)");
  });
});
