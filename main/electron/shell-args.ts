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
 * `argv[0]` is the executable; when run as `electron [switches] APP [args]` (process.defaultApp)
 * the app folder is the first argument that is not a switch (Playwright's `_electron.launch` puts
 * `--no-sandbox --inspect=0 --remote-debugging-port=0` before it). Chromium switches and unknown
 * flags are ignored.
 */
export function parseLaunchArgs(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): LaunchRequest {
  const args = launchArguments(argv, options.defaultApp);
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

function launchArguments(argv: readonly string[], defaultApp: boolean): readonly string[] {
  const args = argv.slice(1);
  if (!defaultApp) return args;
  const app = args.findIndex((arg) => !arg.startsWith("-"));
  return app === -1 ? [] : args.slice(app + 1);
}
