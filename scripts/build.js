#!/usr/bin/env node
// Builds the desktop app into out/: the Electron main process (one ESM bundle, out/electron/main.js),
// the sandboxed preload (CommonJS, out/electron/preload.cjs) and the renderer (vite, out/renderer);
// and the CLI as a bundle (out/cli/), which bin/switchyard.js runs instead of the TypeScript
// sources while it is newer than them: a server starts in a fraction of the time.
//
//   node scripts/build.js                      the desktop app (electron + renderer)
//   node scripts/build.js --only electron      main + preload
//   node scripts/build.js --only renderer      the renderer
//   node scripts/build.js --only cli           the CLI bundle
//   node scripts/build.js --out DIR            into DIR instead of out/ (the layout test uses this)
//   node scripts/build.js --if-stale           only the parts whose sources changed since they were built
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { CLI_SOURCES } from "./cli-bundle.js";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** What each part is built from and what it produces (relative to the out folder). */
export const TARGETS = {
  electron: {
    sources: ["main", "shared", "package.json"],
    outputs: ["electron/main.js", "electron/preload.cjs", "electron/sandbox-worker.js", "electron/emscripten-module.wasm"],
  },
  renderer: { sources: ["renderer", "shared", "vite.config.ts", "package.json"], outputs: ["renderer/index.html"] },
  // bin/switchyard.js checks these same sources (cliBundleIsFresh) before it runs the bundle.
  cli: { sources: CLI_SOURCES, outputs: ["cli/index.js", "cli/sandbox-worker.js", "cli/emscripten-module.wasm"] },
};

const QUICKJS_WASM = join(dirname(createRequire(import.meta.url).resolve("@jitl/quickjs-wasmfile-release-sync")), "emscripten-module.wasm");

// tsx (TypeScript projects) and LangGraph's UI bundler (`ui` of langgraph.json: esbuild and
// Tailwind's native binaries) stay out of the desktop bundle; main/ imports both lazily and says
// what is missing when they cannot load.
export const CLI_ONLY_PACKAGES = ["tsx", "tsx/*", "@langchain/langgraph-ui"];

// Electron 45 runs Node 24 in the main process and Chromium 156 in the window (package.json pins it).
const NODE_TARGET = "node24";
const CHROME_TARGET = "chrome156";

// Bundled CommonJS dependencies call require(); an ESM bundle has none unless we make one.
const ESM_REQUIRE_BANNER = 'import { createRequire as __switchyardCreateRequire } from "node:module"; const require = __switchyardCreateRequire(import.meta.url);';

export async function buildElectron(outDir) {
  const esbuild = await import("esbuild");
  const common = { bundle: true, logLevel: "warning", sourcemap: "linked", external: ["electron"], legalComments: "none", absWorkingDir: root };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(root, "main/electron/main.ts")],
      outfile: join(outDir, "electron/main.js"),
      platform: "node",
      format: "esm",
      target: NODE_TARGET,
      banner: { js: ESM_REQUIRE_BANNER },
      // tsx (with esbuild's native binary) loads TypeScript code projects (`serve --config
      // langgraph.json`), a CLI feature; it is imported lazily, so the desktop app leaves it out.
      external: [...common.external, ...CLI_ONLY_PACKAGES],
    }),
    // The code-node sandbox runs QuickJS in a worker thread: its own bundle, with QuickJS's wasm
    // beside it (main/engine/sandbox/sandbox.ts looks for both next to the main bundle).
    esbuild.build({
      ...common,
      entryPoints: [join(root, "main/engine/sandbox/worker.ts")],
      outfile: join(outDir, "electron/sandbox-worker.js"),
      platform: "node",
      format: "esm",
      target: NODE_TARGET,
      banner: { js: ESM_REQUIRE_BANNER },
    }),
    esbuild.build({
      ...common,
      // A sandboxed preload is a classic script with a limited require(): CommonJS, browser platform.
      entryPoints: [join(root, "main/electron/preload.ts")],
      outfile: join(outDir, "electron/preload.cjs"),
      platform: "browser",
      format: "cjs",
      target: CHROME_TARGET,
    }),
  ]);
  copyFileSync(QUICKJS_WASM, join(outDir, "electron/emscripten-module.wasm"));
}

/**
 * The CLI (`switchyard serve | run | test | ...`) as ESM chunks in out/cli: the entry is small and
 * the server's heavy half (LangGraph, loaded after the port opens) is its own chunk, as from source.
 * Loading a few chunks instead of about 1,200 modules through tsx's hooks is what makes a start quick.
 */
export async function buildCli(outDir) {
  const esbuild = await import("esbuild");
  const common = { bundle: true, logLevel: "warning", sourcemap: "linked", legalComments: "none", absWorkingDir: root, platform: "node", format: "esm", target: NODE_TARGET, banner: { js: ESM_REQUIRE_BANNER } };
  rmSync(join(outDir, "cli"), { recursive: true, force: true });
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(root, "main/cli/index.ts")], outdir: join(outDir, "cli"), splitting: true, external: ["electron", ...CLI_ONLY_PACKAGES] }),
    esbuild.build({ ...common, entryPoints: [join(root, "main/engine/sandbox/worker.ts")], outfile: join(outDir, "cli/sandbox-worker.js") }),
  ]);
  copyFileSync(QUICKJS_WASM, join(outDir, "cli/emscripten-module.wasm"));
}

export function buildRenderer(outDir) {
  if (!existsSync(join(root, "vite.config.ts"))) throw new Error("no vite.config.ts: the renderer cannot be built yet");
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--outDir", join(outDir, "renderer"), "--emptyOutDir", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit code ${result.status ?? result.signal})`);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export const DESKTOP_TARGETS = ["electron", "renderer"];

/** The targets whose outputs are missing or older than their newest source. */
export function staleTargets(outDir = join(root, "out")) {
  return Object.entries(TARGETS)
    .filter(([, target]) => {
      const outputs = target.outputs.map((output) => join(outDir, output));
      if (!outputs.every((output) => existsSync(output))) return true;
      const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
      return Math.max(...target.sources.map((source) => newestMtime(join(root, source)))) > built;
    })
    .map(([name]) => name);
}

export async function build({ only, outDir = join(root, "out"), ifStale = false } = {}) {
  // The CLI bundle is not part of the desktop app (electron-builder.yml packs out/electron and out/renderer).
  let names = only ? [only] : DESKTOP_TARGETS;
  if (ifStale) names = names.filter((name) => staleTargets(outDir).includes(name));
  for (const name of names) {
    const started = Date.now();
    if (name === "electron") await buildElectron(outDir);
    else if (name === "cli") await buildCli(outDir);
    else buildRenderer(outDir);
    console.log(`built ${name} into ${relative(root, outDir) || "."}/ in ${Date.now() - started} ms`);
  }
  return names;
}

function parseArgs(argv) {
  const options = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--only") options.only = argv[++index];
    else if (arg === "--out") options.outDir = argv[++index];
    else if (arg === "--if-stale") options.ifStale = true;
    else throw new Error(`unknown option ${arg} (use --only electron|renderer|cli, --out DIR, --if-stale)`);
  }
  if (options.only && !(options.only in TARGETS)) throw new Error(`--only takes ${Object.keys(TARGETS).join(", ")}, not ${options.only}`);
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await build(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
