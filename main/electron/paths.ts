import { join } from "node:path";

/**
 * Where the build puts things, relative to the app folder (the repo root in development,
 * app.asar when packaged). scripts/build.js writes this layout, package.json#main and
 * electron-builder.yml point into it, and test/main/electron/build-layout.int.test.ts checks
 * that all of them agree.
 */
export const BUILD_LAYOUT = {
  main: "out/electron/main.js",
  preload: "out/electron/preload.cjs",
  /** The code-node sandbox's worker and QuickJS's wasm, beside main.js (see main/engine/sandbox/sandbox.ts). */
  sandboxWorker: "out/electron/sandbox-worker.js",
  quickjsWasm: "out/electron/emscripten-module.wasm",
  rendererDir: "out/renderer",
  rendererIndex: "out/renderer/index.html",
  /** Shipped as extraResources (real files beside app.asar), see example-workspace.ts. */
  bundledExample: "examples/weather-agent",
  icon: "build/icons/icon.png",
} as const;

export interface RuntimePaths {
  preload: string;
  rendererDir: string;
  bundledExample: string;
  icon?: string;
}

/** The shell's paths at run time, from the app folder Electron reports. */
export function runtimePaths(options: { appPath: string; isPackaged: boolean; resourcesPath: string }): RuntimePaths {
  const { appPath, isPackaged, resourcesPath } = options;
  return {
    preload: join(appPath, BUILD_LAYOUT.preload),
    rendererDir: join(appPath, BUILD_LAYOUT.rendererDir),
    bundledExample: isPackaged ? join(resourcesPath, BUILD_LAYOUT.bundledExample) : join(appPath, BUILD_LAYOUT.bundledExample),
    // Packaged builds take their icon from the installer (.desktop file, .icns, .ico).
    ...(isPackaged ? {} : { icon: join(appPath, BUILD_LAYOUT.icon) }),
  };
}
