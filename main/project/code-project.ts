import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { CodeGraphError, graphFromFactory, loadCodeGraph, type CodeGraphProblem, type CodeGraphValue, type PregelLike } from "./code-graph";
import { CodeGraphSchemas } from "./code-graph-schemas";
import { readProjectConfig, type GraphSpec, type ModuleSpec, type ProjectConfig } from "./langgraph-config";
import { registerSdkLogger } from "./sdk-logger";

export interface CodeGraphEntry {
  spec: GraphSpec;
  /** Absent while the module is broken; `problem` says why. */
  value?: CodeGraphValue;
  problem?: CodeGraphProblem;
  /** Which load this entry comes from (1, 2, ... one per reload). */
  version: number;
  loadedAt: string;
}

export interface ProjectReload {
  version: number;
  graphs: Array<{ graphId: string; problem?: CodeGraphProblem }>;
}

/** What a compiled code graph is given before it runs: the server's saver and store, never the module's own. */
export interface GraphServices {
  checkpointer: unknown;
  store: unknown;
}

/**
 * A LangGraph.js code project (a langgraph.json and the modules it names). Each graph loads on
 * its own: one that fails to import is kept with its problem while the others serve. `reload()`
 * re-reads langgraph.json and re-imports the project's files; runs already going keep the graph
 * they started with.
 */
export class CodeProject {
  private config: ProjectConfig;
  private entries = new Map<string, CodeGraphEntry>();
  private version = 0;
  private readonly listeners = new Set<(reload: ProjectReload) => void>();
  private loading: Promise<ProjectReload> | undefined;
  /** The graphs' JSON schemas (GET /assistants/{id}/schemas). */
  readonly schemas: CodeGraphSchemas;

  constructor(readonly configFile: string) {
    this.config = readProjectConfig(configFile);
    this.schemas = new CodeGraphSchemas(this.config.dir);
  }

  get dir(): string {
    return this.config.dir;
  }

  /** `http.app` of langgraph.json, as read at start. */
  get httpApp(): ModuleSpec | undefined {
    return this.config.httpApp;
  }

  /** `ui` of langgraph.json: component modules by name. */
  get ui(): { defs: Record<string, string>; shared: string[] } {
    return { defs: this.config.ui, shared: this.config.uiShared };
  }

  get warnings(): string[] {
    return this.config.dependencies.filter((dependency) => !existsSync(resolve(this.config.dir, dependency))).map((dependency) => `dependencies: ${dependency} does not exist`);
  }

  /** Applies `env` (without overriding variables already set) and imports every graph. */
  load(): Promise<ProjectReload> {
    const run = async () => {
      for (const [key, value] of Object.entries(this.config.env)) process.env[key] ??= value;
      registerSdkLogger();
      const version = ++this.version;
      const loaded = await Promise.all(this.config.graphs.map((spec) => this.loadOne(spec, version)));
      this.entries = new Map(loaded.map((entry) => [entry.spec.graphId, entry]));
      const reload = { version, graphs: loaded.map((entry) => ({ graphId: entry.spec.graphId, ...(entry.problem ? { problem: entry.problem } : {}) })) };
      for (const listener of this.listeners) listener(reload);
      return reload;
    };
    // One load at a time: a save during a load reloads again right after it.
    const next = (this.loading ?? Promise.resolve()).catch(() => undefined).then(run);
    this.loading = next;
    return next;
  }

  /** Re-reads langgraph.json (keeping the old one when the new one is broken) and reloads. */
  async reload(): Promise<ProjectReload> {
    try {
      this.config = readProjectConfig(this.configFile);
    } catch (error) {
      console.error(`switchyard: ${(error as Error).message} (keeping the graphs as they were)`);
    }
    return this.load();
  }

  onReload(listener: (reload: ProjectReload) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  graphIds(): string[] {
    return [...this.entries.keys()].sort();
  }

  entry(graphId: string): CodeGraphEntry | undefined {
    return this.entries.get(graphId);
  }

  /**
   * The graph ready to run: a compiled export as is, a factory called with the run's config
   * (as the dev server does for every run). Throws CodeGraphError while the module is broken.
   */
  async graph(graphId: string, services: GraphServices, config: Record<string, unknown> = {}, runtime?: unknown): Promise<PregelLike> {
    const entry = this.entries.get(graphId);
    if (!entry) throw new Error(`no code graph "${graphId}"`);
    if (!entry.value) throw new CodeGraphError(graphId, entry.problem!);
    const graph = entry.value.kind === "compiled" ? entry.value.graph : await this.fromFactory(entry, entry.value.make, config, runtime);
    graph.checkpointer = services.checkpointer;
    graph.store = services.store;
    return graph;
  }

  private async fromFactory(entry: CodeGraphEntry, make: (config: Record<string, unknown>, runtime?: unknown) => unknown, config: Record<string, unknown>, runtime: unknown): Promise<PregelLike> {
    try {
      return await graphFromFactory(entry.spec.graphId, entry.spec.file, make, { configurable: {}, ...config }, runtime);
    } catch (error) {
      if (error instanceof CodeGraphError) throw error;
      throw new CodeGraphError(entry.spec.graphId, { message: `the factory threw: ${(error as Error)?.message ?? String(error)}`, file: entry.spec.file });
    }
  }

  private async loadOne(spec: GraphSpec, version: number): Promise<CodeGraphEntry> {
    const loadedAt = new Date().toISOString();
    try {
      return { spec, value: await loadCodeGraph(spec, version, this.config.dir), version, loadedAt };
    } catch (error) {
      const problem = error instanceof CodeGraphError ? error.problem : { message: String((error as Error)?.message ?? error), file: spec.file };
      console.error(`switchyard: graph "${spec.graphId}" (${spec.spec}) could not be loaded: ${problem.message} at ${problem.file}${problem.line ? `:${problem.line}` : ""}`);
      return { spec, problem, version, loadedAt };
    }
  }
}
