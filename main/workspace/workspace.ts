import { createHash } from "node:crypto";
import { copyFile, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { GRAPH_DOC_VERSION, type GraphDoc } from "../../shared/graph-doc";
import { parseGraphDoc } from "../../shared/graph-parse";
import type { Problem } from "../../shared/problem";
import { DATA_FOLDER } from "./data-folder";
import { graphFilePath, listGraphNames, loadGraphText, saveGraphFile, type LoadedGraph } from "./graph-files";


export interface GraphEntry extends LoadedGraph {
  /** sha256 of the file text: what the editor sends back as `baseHash`. */
  hash: string;
}

export class GraphNotFoundError extends Error {
  override name = "GraphNotFoundError";
  constructor(readonly graphName: string) {
    super(`no graph "${graphName}" in this workspace (no ${graphName}.graph.json)`);
  }
}

export class GraphExistsError extends Error {
  override name = "GraphExistsError";
  constructor(readonly graphName: string) {
    super(`a graph "${graphName}" already exists in this workspace`);
  }
}

export class GraphChangedOnDiskError extends Error {
  override name = "GraphChangedOnDiskError";
  constructor(readonly graphName: string) {
    super(`${graphName}.graph.json changed on disk since it was loaded; reload it before saving`);
  }
}

export class GraphSchemaError extends Error {
  override name = "GraphSchemaError";
  constructor(readonly graphName: string, readonly problems: Problem[]) {
    super(`the document for "${graphName}" does not match the graph schema`);
  }
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * A workspace folder: every `NAME.graph.json` is a graph, `.switchyard/` holds run data.
 * Graph files are re-read whenever their size or mtime changes, so an edit on disk
 * takes effect on the next run.
 */
export class Workspace {
  readonly dir: string;
  readonly dataDir: string;
  private readonly cache = new Map<string, { key: string; entry: GraphEntry }>();

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.dataDir = join(this.dir, DATA_FOLDER);
  }

  get name(): string {
    return basename(this.dir);
  }

  graphNames(): Promise<string[]> {
    return listGraphNames(this.dir);
  }

  async listGraphs(): Promise<GraphEntry[]> {
    const entries = await Promise.all((await this.graphNames()).map((name) => this.graph(name)));
    return entries.filter((entry): entry is GraphEntry => entry !== undefined);
  }

  /** The graph as it is on disk now, or undefined when there is no such file. */
  async graph(name: string): Promise<GraphEntry | undefined> {
    const file = graphFilePath(this.dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      this.cache.delete(name);
      return undefined;
    }
    const key = `${info.mtimeMs}:${info.size}:${info.ino}`;
    const cached = this.cache.get(name);
    if (cached?.key === key) return cached.entry;
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    const entry = { ...loadGraphText(file, text), hash: hashText(text) };
    this.cache.set(name, { key, entry });
    return entry;
  }

  async requireGraph(name: string): Promise<GraphEntry> {
    const entry = await this.graph(name);
    if (!entry) throw new GraphNotFoundError(name);
    return entry;
  }

  /** Saves a document that matches the schema (semantic problems are allowed: work in progress). */
  async saveGraph(name: string, value: unknown, baseHash?: string): Promise<GraphEntry> {
    const doc = this.checkSchema(name, value);
    const current = await this.graph(name);
    if (baseHash !== undefined && current && current.hash !== baseHash) throw new GraphChangedOnDiskError(name);
    const file = graphFilePath(this.dir, name);
    const text = await saveGraphFile(file, doc);
    return this.remember(name, file, text);
  }

  async createGraph(name: string, value?: unknown): Promise<GraphEntry> {
    const file = graphFilePath(this.dir, name);
    if (await this.graph(name)) throw new GraphExistsError(name);
    const doc = value === undefined ? emptyGraphDoc(name) : this.checkSchema(name, value);
    const text = await saveGraphFile(file, doc);
    return this.remember(name, file, text);
  }

  async renameGraph(name: string, to: string): Promise<GraphEntry> {
    const entry = await this.copyCheck(name, to);
    if (entry.doc) {
      await this.createGraph(to, { ...entry.doc, name: to });
      await unlink(entry.file);
    } else {
      await rename(entry.file, graphFilePath(this.dir, to));
    }
    this.cache.delete(name);
    return this.requireGraph(to);
  }

  async duplicateGraph(name: string, to: string): Promise<GraphEntry> {
    const entry = await this.copyCheck(name, to);
    if (entry.doc) return this.createGraph(to, { ...entry.doc, name: to });
    await copyFile(entry.file, graphFilePath(this.dir, to));
    return this.requireGraph(to);
  }

  async deleteGraph(name: string): Promise<void> {
    const entry = await this.requireGraph(name);
    await unlink(entry.file);
    this.cache.delete(name);
  }

  private async copyCheck(name: string, to: string): Promise<GraphEntry> {
    graphFilePath(this.dir, to);
    const entry = await this.requireGraph(name);
    if (await this.graph(to)) throw new GraphExistsError(to);
    return entry;
  }

  private checkSchema(name: string, value: unknown): GraphDoc {
    const parsed = parseGraphDoc(value);
    if (!parsed.ok) throw new GraphSchemaError(name, parsed.problems);
    return parsed.doc;
  }

  private async remember(name: string, file: string, text: string): Promise<GraphEntry> {
    this.cache.delete(name);
    return (await this.graph(name)) ?? { ...loadGraphText(file, text), hash: hashText(text) };
  }
}

export function emptyGraphDoc(name: string): GraphDoc {
  return {
    version: GRAPH_DOC_VERSION,
    name,
    entry: "start",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [],
    edges: [],
  };
}
