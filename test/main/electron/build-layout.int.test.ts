// The build output against what loads it: package.json#main, electron-builder.yml and the paths
// the shell computes at run time (main/electron/paths.ts). Then the built main process itself is
// run under plain Node with `electron` faked (fixtures/), serving a workspace in-process.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { parse } from "yaml";
import { BUILD_LAYOUT } from "../../../main/electron/paths";

const root = new URL("../../../", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const builder = parse(readFileSync(join(root, "electron-builder.yml"), "utf8"));
let app: string;

/** Requires that bundled libraries make inside try/catch and do without when they fail. */
const OPTIONAL_REQUIRES = [
  "pg-native", // pg's optional native binding; pg uses its pure-JS client without it
  // Text inside ajv's code generator (used by the MCP SDK): only code written out by ajv's standalone
  // mode requires these; schemas compiled at run time reference the bundled functions directly.
  "ajv/dist/runtime/validation_error",
  "ajv/dist/runtime/uri",
  "ajv/dist/runtime/ucs2length",
  "ajv/dist/runtime/equal",
  "ajv-formats/dist/formats",
];

beforeAll(() => {
  // A stand-in app folder: the build writes its out/ there, exactly as it does in the repo.
  app = mkdtempSync(join(tmpdir(), "switchyard-build-"));
  const result = spawnSync(process.execPath, [join(root, "scripts/build.js"), "--out", join(app, "out")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}, 120_000);
afterAll(() => rmSync(app, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** electron-builder's `files` globs, as far as this config uses them: `**`, `*`, and `!` excludes, last match wins. */
function includedByFiles(path: string, patterns: string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith("!");
    const glob = negated ? pattern.slice(1) : pattern;
    const source = glob
      .split("/")
      .map((part) => (part === "**" ? "(?:.*)" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")))
      .join("/")
      .replace(/\(\?:\.\*\)\//g, "(?:.*/)?");
    if (new RegExp(`^${source}$`).test(path)) included = !negated;
  }
  return included;
}

describe("build layout", () => {
  it("package.json#main is the built main process", () => {
    expect(pkg.main).toBe(BUILD_LAYOUT.main);
    expect(existsSync(join(app, pkg.main))).toBe(true);
  });

  it.each(Object.entries({ main: BUILD_LAYOUT.main, preload: BUILD_LAYOUT.preload, renderer: BUILD_LAYOUT.rendererIndex, sandbox: BUILD_LAYOUT.sandboxWorker, wasm: BUILD_LAYOUT.quickjsWasm }))(
    "the %s (%s) is built and packaged",
    (_name, path) => {
      expect(existsSync(join(app, path))).toBe(true);
      expect(includedByFiles(path, builder.files)).toBe(true);
    },
  );

  it("packages every built file except source maps, and no node_modules", () => {
    const built = listFiles(join(app, "out")).map((file) => relative(app, file));
    expect(built.filter((file) => !file.endsWith(".map")).every((file) => includedByFiles(file, builder.files))).toBe(true);
    expect(built.filter((file) => file.endsWith(".map")).some((file) => includedByFiles(file, builder.files))).toBe(false);
    expect(includedByFiles("node_modules/hono/dist/index.js", builder.files)).toBe(false);
    expect(includedByFiles("main/electron/main.ts", builder.files)).toBe(false);
    expect(includedByFiles("package.json", builder.files)).toBe(true);
  });

  it("the main bundle needs nothing but Electron and Node's built-ins at run time", async () => {
    // esbuild parses the bundle (so code inside template strings, e.g. the TypeScript export's
    // templates, does not count) and lists what it still imports.
    const esbuild = await import("esbuild");
    const mainPath = join(app, BUILD_LAYOUT.main);
    const { metafile } = await esbuild.build({ entryPoints: [mainPath], bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", logLevel: "silent" });
    const externals = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((entry) => entry.external));
    // tsx and LangGraph's UI bundler are left out on purpose (CLI code projects only) and may only be imported lazily.
    const cliOnly = externals.filter((entry) => ["tsx", "@langchain/langgraph-ui"].some((name) => entry.path === name || entry.path.startsWith(`${name}/`)));
    expect(cliOnly.every((entry) => entry.kind === "dynamic-import")).toBe(true);
    const imports = externals.filter((entry) => !cliOnly.includes(entry)).map((entry) => entry.path);
    const isBuiltin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);
    expect(imports.filter((name) => name !== "electron" && !isBuiltin(name))).toEqual([]);
    const main = readFileSync(mainPath, "utf8");
    expect(imports).toContain("electron");

    const requires = [...main.matchAll(/\b(?:__)?require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(requires.filter((name) => !isBuiltin(name) && !OPTIONAL_REQUIRES.includes(name))).toEqual([]);
  });

  it("the preload is a CommonJS script that requires only electron (a sandboxed preload can load nothing else)", () => {
    const preload = readFileSync(join(app, BUILD_LAYOUT.preload), "utf8");
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect([...preload.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(["electron"]);
  });

  it("the code sandbox's worker and QuickJS's wasm sit beside the main bundle, and run code", async () => {
    const worker = new Worker(join(app, BUILD_LAYOUT.sandboxWorker), { env: {}, execArgv: [], workerData: { memoryMb: 32 } });
    try {
      const messages: unknown[] = [];
      const done = new Promise<void>((resolve, reject) => {
        worker.on("error", reject);
        worker.on("message", (message: { ready?: boolean }) => {
          messages.push(message);
          if (message.ready) worker.postMessage({ id: 1, mode: "run", source: "(state) => ({ total: state.a + state.b })", inputJson: '{"a":2,"b":3}', memoryBytes: 32 << 20, timeoutMs: 5000 });
          else resolve();
        });
      });
      await done;
      expect(existsSync(join(app, BUILD_LAYOUT.quickjsWasm))).toBe(true);
      expect(messages).toEqual([{ ready: true }, { id: 1, ok: true, outputJson: '{"total":5}' }]);
    } finally {
      await worker.terminate();
    }
  });

  it("ships the bundled example beside app.asar", () => {
    expect(builder.extraResources).toEqual([expect.objectContaining({ from: BUILD_LAYOUT.bundledExample, to: BUILD_LAYOUT.bundledExample })]);
    expect(existsSync(join(root, BUILD_LAYOUT.bundledExample, "agent.graph.json"))).toBe(true);
  });
});

describe("electron-builder.yml", () => {
  it("names the app and packs it into an asar", () => {
    expect(builder).toMatchObject({ appId: expect.stringMatching(/^[\w.-]+$/), productName: "Switchyard", asar: true });
  });

  it.each([
    ["runAsNode", false],
    ["enableCookieEncryption", true],
    ["enableNodeOptionsEnvironmentVariable", false],
    ["enableNodeCliInspectArguments", false],
    ["enableEmbeddedAsarIntegrityValidation", true],
    ["onlyLoadAppFromAsar", true],
    ["grantFileProtocolExtraPrivileges", false],
  ])("fuse %s is %s", (fuse, value) => {
    expect(builder.electronFuses[fuse]).toBe(value);
  });

  it("targets AppImage + deb, dmg with hardened runtime, and nsis", () => {
    expect(builder.linux.target).toEqual(["AppImage", "deb"]);
    expect(builder.mac).toMatchObject({ target: "dmg", hardenedRuntime: true });
    expect(existsSync(join(root, builder.mac.entitlements))).toBe(true);
    expect(builder.win.target).toBe("nsis");
  });

  it("has icons: a square PNG of at least 512 px", () => {
    for (const platform of ["linux", "mac", "win"]) {
      const png = readFileSync(join(root, builder[platform].icon));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(width).toBe(height);
      expect(width).toBeGreaterThanOrEqual(512);
    }
  });

  it("`npm run dist` builds, then packages for this platform", () => {
    expect(pkg.scripts.dist).toMatch(/scripts\/build\.js.*electron-builder/);
  });
});

describe("the built main process (Electron faked)", () => {
  it("serves the workspace in-process and the window's requests carry the token", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "switchyard-built-main-"));
    const workspace = join(scratch, "ws");
    mkdirSync(join(scratch, "userData"));
    cpSync(join(root, "examples/weather-agent/agent.graph.json"), join(workspace, "agent.graph.json"), { recursive: true });
    const child = spawn(process.execPath, ["--import", join(root, "test/main/electron/fixtures/electron-loader.mjs"), join(app, BUILD_LAYOUT.main), "--workspace", workspace], {
      cwd: scratch,
      env: { ...process.env, FAKE_ELECTRON_APP_PATH: app, FAKE_ELECTRON_USER_DATA: join(scratch, "userData"), SWITCHYARD_HOME: join(scratch, "home") },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    rmSync(scratch, { recursive: true, force: true });
    const line = output.split("\n").find((entry) => entry.startsWith("FAKE_ELECTRON_RESULT "));
    expect(line, output).toBeDefined();
    const result = JSON.parse(line!.slice("FAKE_ELECTRON_RESULT ".length));
    expect(code, output).toBe(0);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(result.sandboxEnabled).toBe(true);
    expect(result.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(app, BUILD_LAYOUT.preload) });
    expect(result.page.status).toBe(200);
    expect(result.page.csp).toMatch(/default-src 'none'/);
    expect(result.assistants.status).toBe(200);
    expect(result.withoutToken).toBe(401);
    expect(result.wrongToken).toBe(401);
    expect(result.permissionGranted).toBe(false);
  });
});
