// Packages the app with electron-builder (`--dir`, Linux) using electron-builder.yml as it is,
// except for two things the offline test machine cannot have: the Electron distribution is a
// stand-in folder (the real one is a download) and the fuses are left alone (flipping them needs
// the real binary's fuse wire). What is checked is what ends up in app.asar and beside it.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { BUILD_LAYOUT } from "../../../main/electron/paths";

const root = new URL("../../../", import.meta.url).pathname;
let stage: string;
let unpacked: string;

/** The file list of an asar archive (its header is a length-prefixed JSON tree). */
function asarFiles(path: string): string[] {
  const archive = readFileSync(path);
  const length = archive.readUInt32LE(12);
  const header = JSON.parse(archive.subarray(16, 16 + length).toString("utf8"));
  const walk = (node: { files?: Record<string, unknown> }, prefix: string): string[] =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) => {
      const entry = child as { files?: Record<string, unknown> };
      return entry.files ? walk(entry, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
  return walk(header, "");
}

beforeAll(() => {
  stage = mkdtempSync(join(tmpdir(), "switchyard-package-"));
  const fakeElectron = join(stage, "electron-dist");
  mkdirSync(fakeElectron);
  writeFileSync(join(fakeElectron, "electron"), "#!/bin/sh\n");
  chmodSync(join(fakeElectron, "electron"), 0o755);
  // electron-builder reads the version from the distribution; the stand-in claims the installed one.
  writeFileSync(join(fakeElectron, "version"), JSON.parse(readFileSync(join(root, "node_modules/electron/package.json"), "utf8")).version);
  writeFileSync(join(fakeElectron, "LICENSE"), "");

  const app = join(stage, "app");
  mkdirSync(app);
  for (const path of ["package.json", "build", "examples"]) cpSync(join(root, path), join(app, path), { recursive: true });
  // A throwaway run of the example in the repo must not end up in the package either.
  mkdirSync(join(app, "examples/weather-agent/.switchyard"), { recursive: true });
  writeFileSync(join(app, "examples/weather-agent/.switchyard/run.log"), "x");
  symlinkSync(join(root, "node_modules"), join(app, "node_modules"));
  const config = parse(readFileSync(join(root, "electron-builder.yml"), "utf8"));
  delete config.electronFuses;
  writeFileSync(join(app, "electron-builder.yml"), stringify({ ...config, electronDist: fakeElectron }));

  const build = spawnSync(process.execPath, [join(root, "scripts/build.js"), "--out", join(app, "out")], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const builder = join(root, "node_modules/electron-builder/cli.js");
  const pack = spawnSync(process.execPath, [builder, "--dir", "--linux", "--x64", "--publish", "never", "--projectDir", app], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: "1" },
    timeout: 150_000,
  });
  if (pack.status !== 0) throw new Error(`electron-builder failed:\n${pack.stdout}\n${pack.stderr}`);
  unpacked = join(app, "release/linux-unpacked");
}, 180_000);
afterAll(() => rmSync(stage, { recursive: true, force: true }));

describe("the packaged app (electron-builder --dir)", () => {
  it("is the executable named in electron-builder.yml", () => {
    expect(existsSync(join(unpacked, "switchyard-desktop"))).toBe(true);
  });

  it("holds the built output and package.json in app.asar, nothing else", () => {
    const files = asarFiles(join(unpacked, "resources/app.asar"));
    for (const path of [BUILD_LAYOUT.main, BUILD_LAYOUT.preload, BUILD_LAYOUT.sandboxWorker, BUILD_LAYOUT.quickjsWasm, BUILD_LAYOUT.rendererIndex, "package.json"]) {
      expect(files).toContain(path);
    }
    expect(files.filter((file) => !file.startsWith("out/electron/") && !file.startsWith("out/renderer/") && file !== "package.json")).toEqual([]);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
  });

  it("ships the example workspace beside app.asar, without run data", () => {
    const example = join(unpacked, "resources", BUILD_LAYOUT.bundledExample);
    expect(existsSync(join(example, "agent.graph.json"))).toBe(true);
    expect(existsSync(join(example, ".switchyard"))).toBe(false);
  });
});
