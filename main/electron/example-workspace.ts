import { cp, mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * The example workspace of the desktop app: a copy of the bundled weather agent in the user's
 * data folder, made on first use, so running graphs never writes into the installed app.
 * The bundled copy ships as an electron-builder `extraResources` folder (real files outside
 * app.asar: `fs.cp` cannot read a folder out of an asar archive).
 */
export async function ensureExampleWorkspace(bundledDir: string, dataDir: string): Promise<string> {
  const target = join(dataDir, "examples", "weather-agent");
  const exists = await stat(target).then((info) => info.isDirectory(), () => false);
  if (exists) return target;
  await mkdir(dirname(target), { recursive: true });
  await cp(bundledDir, target, { recursive: true, filter: (source) => !source.includes(".switchyard") });
  return target;
}

export class WorkspaceNotFoundError extends Error {
  override name = "WorkspaceNotFoundError";
  constructor(readonly path: string) {
    super(`${path} is not a folder; open an existing workspace folder (one holding *.graph.json files)`);
  }
}

export async function assertWorkspaceFolder(path: string): Promise<string> {
  const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
  if (!isFolder) throw new WorkspaceNotFoundError(path);
  return path;
}
