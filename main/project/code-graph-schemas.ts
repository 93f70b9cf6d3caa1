import { getRuntimeGraphSchema, getStaticGraphSchema, type GraphSchema } from "@langchain/langgraph-api/schema";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { isZodSchemaV3, isZodSchemaV4 } from "@langchain/core/utils/types";
import type { CodeGraphEntry } from "./code-project";
import { SchemaCache, sourceFingerprint } from "./schema-cache";

/** Parses by another version of the extractor may differ: part of the cache key. */
const PARSER_VERSION = "@langchain/langgraph-api@1.5.1";

type JsonSchema = Record<string, unknown>;

/** The JSON schemas of a graph, as GET /assistants/{id}/schemas answers them. */
export interface GraphSchemas {
  state?: JsonSchema;
  input?: JsonSchema;
  output?: JsonSchema;
  config?: JsonSchema;
  context?: JsonSchema;
}

/** A TypeScript program per graph takes seconds; on a busy machine, many (the dev server waits 30 s). */
const PARSE_TIMEOUT_MS = Number(process.env.LANGGRAPH_SCHEMA_RESOLVE_TIMEOUT_MS) || 120_000;

/** A module's graphs parsed from its TypeScript types: `{graphId: ..., "graphId|subgraph": ...}`. */
type StaticSchemas = Record<string, GraphSchema>;

/**
 * Schemas of code graphs, taken the way the LangGraph.js server takes them and with its own code
 * (@langchain/langgraph-api/schema): first from the compiled graph at run time (a `StateSchema`,
 * zod schemas with `withLangGraph`'s `jsonSchemaExtra`, plain zod), else from the module's
 * TypeScript types (`Annotation.Root`, whose types are erased at run time), parsed in a worker
 * with the TypeScript compiler, when first asked for (as the dev server does: a compiler run
 * takes seconds and would slow the runs going on). A parse is kept per module load, and on disk
 * by a fingerprint of the project's sources, so a restart does not parse again.
 */
export class CodeGraphSchemas {
  private readonly parsed = new Map<string, Promise<StaticSchemas | undefined>>();

  private cache?: SchemaCache<StaticSchemas>;
  private fingerprints = new Map<number, string | undefined>();

  constructor(private readonly projectDir: string) {}

  /** Keeps parsed schemas in `file` (the run data folder), by a fingerprint of the project's sources. */
  useCache(file: string): void {
    this.cache = new SchemaCache(file);
  }

  /** The root graph's schemas. */
  async of(entry: CodeGraphEntry, graph: unknown): Promise<GraphSchemas> {
    const schema = (await runtimeSchema(graph)) ?? (await this.staticSchemas(entry).then((all) => all && rootOf(all)));
    if (!schema) return fallback(graph);
    // The dev server leaves a StateSchema graph's context schema out; a zod one is right there.
    return withContext({ ...schema, config: schema.config ?? zodJsonSchema((graph as { builder?: { _configRuntimeSchema?: unknown } }).builder?._configRuntimeSchema) });
  }

  /** A subgraph's schemas, `namespace` as getSubgraphs names it (`parent|child`). */
  async ofSubgraph(entry: CodeGraphEntry, namespace: string, subgraph: unknown): Promise<GraphSchema> {
    const runtime = await runtimeSchema(subgraph);
    if (runtime) return runtime;
    const all = await this.staticSchemas(entry);
    const root = all && Object.keys(all).find((key) => !key.includes("|"));
    return (root && (all[`${root}|${namespace}`] ?? all[root])) || (fallback(subgraph) as GraphSchema);
  }

  /** The graph's parse: from the cache when the project's sources are as they were, else one compiler run (cached once done). */
  private staticSchemas(entry: CodeGraphEntry): Promise<StaticSchemas | undefined> {
    const key = keyOf(entry);
    let parsing = this.parsed.get(key);
    if (parsing) return parsing;
    const cacheKey = this.cacheKeyOf(entry);
    const cached = cacheKey ? this.cache?.get(cacheKey) : undefined;
    parsing = cached
      ? Promise.resolve(cached)
      : getStaticGraphSchema(specOf(entry), { timeoutMs: PARSE_TIMEOUT_MS }).then(
          (schemas) => {
            if (cacheKey) this.cache?.set(cacheKey, schemas);
            return schemas;
          },
          (error: Error) => {
            console.error(`switchyard: graph "${entry.spec.graphId}": its TypeScript types could not be read for its schemas (${error?.message ?? error}); listing its state channels only`);
            return undefined;
          },
        );
    this.parsed.set(key, parsing);
    return parsing;
  }

  private cacheKeyOf(entry: CodeGraphEntry): string | undefined {
    if (!this.cache) return undefined;
    if (!this.fingerprints.has(entry.version)) this.fingerprints.set(entry.version, sourceFingerprint(this.projectDir, PARSER_VERSION));
    const fingerprint = this.fingerprints.get(entry.version);
    return fingerprint ? `${entry.spec.graphId}|${entry.spec.spec}|${fingerprint}` : undefined;
  }
}

function specOf(entry: CodeGraphEntry) {
  return { sourceFile: entry.spec.file, exportSymbol: entry.spec.exportName };
}

function keyOf(entry: CodeGraphEntry): string {
  return `${entry.spec.graphId}@${entry.version}`;
}

async function runtimeSchema(graph: unknown): Promise<GraphSchema | undefined> {
  try {
    return await getRuntimeGraphSchema(graph as Parameters<typeof getRuntimeGraphSchema>[0]);
  } catch {
    return undefined;
  }
}

function rootOf(all: StaticSchemas): GraphSchema | undefined {
  const root = Object.keys(all).find((key) => !key.includes("|"));
  return root ? all[root] : undefined;
}

/** From JavaScript the config and context schemas cannot be told apart: the dev server answers both with one. */
function withContext(schema: GraphSchema): GraphSchemas {
  const config = schema.config as JsonSchema | undefined;
  return { state: schema.state as JsonSchema | undefined, input: schema.input as JsonSchema | undefined, output: schema.output as JsonSchema | undefined, config, context: config };
}

/** When neither works (a plain JavaScript module, a parse error): the state channels by name. */
function fallback(graph: unknown): GraphSchemas {
  const channels = ((graph as { builder?: { channels?: Record<string, unknown> } }).builder?.channels) ?? {};
  const names = Object.keys(channels).filter((name) => !name.startsWith("__"));
  const schema = { type: "object", properties: Object.fromEntries(names.map((name) => [name, {}])) };
  return { state: schema, input: schema, output: schema };
}

function zodJsonSchema(schema: unknown): GraphSchema["config"] {
  if (!schema || !(isZodSchemaV4(schema) || isZodSchemaV3(schema))) return undefined;
  try {
    return toJsonSchema(schema) as GraphSchema["config"];
  } catch {
    return undefined;
  }
}
