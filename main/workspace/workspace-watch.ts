import { watch, type FSWatcher } from "node:fs";
import type { WorkspaceEvent } from "../../shared/api";
import { GRAPH_SUFFIX, graphNameOf } from "./graph-files";
import type { Workspace } from "./workspace";

const DEBOUNCE_MS = 80;

/**
 * Watches a workspace folder for graph files added, changed or deleted (by the editor routes
 * or any other program) and tells listeners once per burst of file-system events.
 */
export class WorkspaceWatcher {
  private watcher?: FSWatcher;
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly workspace: Workspace) {}

  async start(): Promise<void> {
    for (const entry of await this.workspace.listGraphs()) this.known.set(entry.name, entry.hash);
    this.watcher = watch(this.workspace.dir, (_type, file) => {
      if (!file || !String(file).endsWith(GRAPH_SUFFIX)) return;
      this.schedule(graphNameOf(String(file)));
    });
    this.watcher.on("error", () => {});
  }

  subscribe(listener: (event: WorkspaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.watcher?.close();
    for (const timer of this.pending.values()) clearTimeout(timer);
  }

  private schedule(name: string): void {
    clearTimeout(this.pending.get(name));
    this.pending.set(
      name,
      setTimeout(() => {
        this.pending.delete(name);
        void this.check(name);
      }, DEBOUNCE_MS),
    );
  }

  private async check(name: string): Promise<void> {
    const entry = await this.workspace.graph(name).catch(() => undefined);
    const before = this.known.get(name);
    if (!entry) {
      if (before === undefined) return;
      this.known.delete(name);
      return this.tell({ event: "graph-deleted", data: { name } });
    }
    if (before === entry.hash) return;
    this.known.set(name, entry.hash);
    this.tell({ event: before === undefined ? "graph-added" : "graph-changed", data: { name, hash: entry.hash } });
  }

  private tell(event: WorkspaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
