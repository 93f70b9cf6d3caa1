import { watch, type FSWatcher } from "node:fs";
import { sep } from "node:path";
import { DATA_FOLDER } from "../workspace/data-folder";
import type { CodeProject } from "./code-project";

export const RELOAD_DEBOUNCE_MS = 200;

const IGNORED = ["node_modules", DATA_FOLDER, ".git", "dist", ".turbo", ".langgraph_api"];

/** True for changes that cannot affect the graphs: installed packages, run data, VCS, build output. */
export function isIgnoredChange(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return parts.some((part) => IGNORED.includes(part)) || relativePath.endsWith("~") || relativePath.endsWith(".swp");
}

/**
 * Reloads a code project when its sources change: one reload per burst of saves (an editor's
 * write-rename-chmod counts once). Threads and checkpoints are not touched.
 */
export class ProjectWatcher {
  private watcher?: FSWatcher;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly project: CodeProject,
    private readonly debounceMs = RELOAD_DEBOUNCE_MS,
  ) {}

  start(): void {
    this.watcher = watch(this.project.dir, { recursive: true }, (_type, file) => {
      if (file && isIgnoredChange(String(file).split(sep).join("/"))) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.project.reload().catch((error) => console.error("switchyard: reload failed:", error)), this.debounceMs);
    });
    this.watcher.on("error", (error) => console.error(`switchyard: watching ${this.project.dir} stopped: ${error.message}`));
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}
