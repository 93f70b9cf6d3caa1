import { watch, type FSWatcher } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceEvent } from "../../shared/api";
import { TESTS_SUFFIX } from "../../shared/flow-test";
import { MCP_CONFIG_FILE } from "../../shared/mcp-config";
import { GRAPH_SUFFIX, graphNameOf } from "./graph-files";
import { hashText, type Workspace } from "./workspace";

const DEBOUNCE_MS = 80;

/**
 * Watches a workspace folder for graph files added, changed or deleted, and for changes of the
 * graphs' tests files (by the editor routes or any other program), and tells listeners once per
 * burst of file-system events.
 */
export class WorkspaceWatcher {
  private watcher?: FSWatcher;
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();
  private readonly known = new Map<string, string>();
  /** Hash of each graph's tests file as last seen. */
  private readonly knownTests = new Map<string, string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Hash of mcp.json as last seen (null: no file). */
  private knownMcp: string | null = null;

  constructor(private readonly workspace: Workspace) {}

  async start(): Promise<void> {
    for (const entry of await this.workspace.listGraphs()) this.known.set(entry.name, entry.hash);
    for (const file of await readdir(this.workspace.dir)) {
      if (!file.endsWith(TESTS_SUFFIX)) continue;
      const graph = file.slice(0, -TESTS_SUFFIX.length);
      const hash = await this.testsHash(graph);
      if (hash) this.knownTests.set(graph, hash);
    }
    this.knownMcp = await this.mcpHash();
    this.watcher = watch(this.workspace.dir, (_type, file) => {
      const name = String(file ?? "");
      if (name === MCP_CONFIG_FILE) this.schedule("mcp", () => this.checkMcp());
      else if (name.endsWith(GRAPH_SUFFIX)) this.schedule(`graph:${graphNameOf(name)}`, () => this.check(graphNameOf(name)));
      else if (name.endsWith(TESTS_SUFFIX)) this.schedule(`tests:${name}`, () => this.checkTests(name.slice(0, -TESTS_SUFFIX.length)));
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

  private schedule(key: string, check: () => Promise<void>): void {
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void check();
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

  private async checkTests(graph: string): Promise<void> {
    const hash = await this.testsHash(graph);
    if (hash === (this.knownTests.get(graph) ?? null)) return;
    if (hash) this.knownTests.set(graph, hash);
    else this.knownTests.delete(graph);
    this.tell({ event: "tests-changed", data: { name: graph, hash } });
  }

  private async checkMcp(): Promise<void> {
    const hash = await this.mcpHash();
    if (hash === this.knownMcp) return;
    this.knownMcp = hash;
    this.tell({ event: "mcp-changed", data: { hash } });
  }

  private async mcpHash(): Promise<string | null> {
    const text = await readFile(join(this.workspace.dir, MCP_CONFIG_FILE), "utf8").catch(() => null);
    return text === null ? null : hashText(text);
  }

  /** The tests file's hash as the tests routes report it; null when there is none. */
  private async testsHash(graph: string): Promise<string | null> {
    const text = await readFile(join(this.workspace.dir, `${graph}${TESTS_SUFFIX}`), "utf8").catch(() => null);
    return text === null ? null : hashText(text);
  }

  private tell(event: WorkspaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
