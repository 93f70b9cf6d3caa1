import { cp, mkdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where Switchyard keeps per-user data: $SWITCHYARD_HOME, else the platform's data folder. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SWITCHYARD_HOME) return env.SWITCHYARD_HOME;
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "Switchyard");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Switchyard");
  return join(env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "switchyard");
}

export const BUNDLED_EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples", "weather-agent");

/**
 * The example workspace a user gets without `--workspace`: a copy of the bundled one in the
 * per-user data folder (made on first use), so running graphs never writes into the install.
 */
export async function exampleWorkspace(dataDir = userDataDir()): Promise<string> {
  const target = join(dataDir, "examples", "weather-agent");
  const exists = await stat(target).then((info) => info.isDirectory(), () => false);
  if (!exists) {
    await mkdir(dirname(target), { recursive: true });
    await cp(BUNDLED_EXAMPLE, target, { recursive: true, filter: (source) => !source.includes(".switchyard") });
  }
  return target;
}
