import { basename, dirname, resolve } from "node:path";

/** What a launch asks for: `switchyard-desktop [--workspace DIR | DIR | FILE.graph.json]`. */
export interface LaunchRequest {
  /** The workspace folder to open, absolute. */
  workspace?: string;
  /** The graph to show first (its name, from a `NAME.graph.json` argument). */
  graph?: string;
}

export const GRAPH_FILE_SUFFIX = ".graph.json";

/**
 * Reads a launch request from Electron's argv (also the argv a second instance forwards).
 * `argv[0]` is the executable; when run as `electron .` (process.defaultApp) `argv[1]` is the
 * app folder. Chromium switches and unknown flags are ignored.
 */
export function parseLaunchArgs(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): LaunchRequest {
  const args = argv.slice(options.defaultApp ? 2 : 1);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--workspace" && args[index + 1]) return { workspace: resolve(options.cwd, args[index + 1]) };
    if (arg.startsWith("--workspace=")) return { workspace: resolve(options.cwd, arg.slice("--workspace=".length)) };
    if (arg.startsWith("-")) continue;
    const path = resolve(options.cwd, arg);
    if (path.endsWith(GRAPH_FILE_SUFFIX)) return { workspace: dirname(path), graph: basename(path, GRAPH_FILE_SUFFIX) };
    return { workspace: path };
  }
  return {};
}
