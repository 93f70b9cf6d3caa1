import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

export const MAX_RECENT_WORKSPACES = 10;

/**
 * The recent-workspaces list, most recent first, kept as JSON in Electron's userData folder.
 * An entry is a workspace folder or a LangGraph project's `langgraph.json` (isProjectConfig).
 */
export class RecentWorkspaces {
  constructor(private readonly file: string) {}

  /** The remembered folders and project files that still exist. */
  async list(): Promise<string[]> {
    const stored = await this.read();
    const present = await Promise.all(stored.map((path) => stat(path).then((info) => (isProjectConfig(path) ? info.isFile() : info.isDirectory()), () => false)));
    return stored.filter((_, index) => present[index]);
  }

  async add(path: string): Promise<string[]> {
    const folder = resolve(path);
    const next = [folder, ...(await this.read()).filter((entry) => entry !== folder)].slice(0, MAX_RECENT_WORKSPACES);
    await this.write(next);
    return next;
  }

  async clear(): Promise<void> {
    await this.write([]);
  }

  async includes(path: string): Promise<boolean> {
    return (await this.read()).includes(resolve(path));
  }

  private async read(): Promise<string[]> {
    try {
      const value: unknown = JSON.parse(await readFile(this.file, "utf8"));
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
    } catch {
      return [];
    }
  }

  private async write(paths: string[]): Promise<void> {
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, `${JSON.stringify(paths, null, 2)}\n`);
    await rename(temporary, this.file);
  }
}

/** A recent entry naming a LangGraph project (its `*.json` config) rather than a workspace folder. */
export const isProjectConfig = (path: string): boolean => path.toLowerCase().endsWith(".json");
