import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GraphSpec } from "./langgraph-config";
import { importProjectModule, VERSION_PARAM } from "./module-loader";

/** What a code graph's export turned out to be. The compiled graph is LangGraph's Pregel (typed loosely: it may come from the project's own copy). */
export type CodeGraphValue = { kind: "compiled"; graph: PregelLike } | { kind: "factory"; make: (config: Record<string, unknown>, runtime?: unknown) => unknown };

export interface PregelLike {
  checkpointer?: unknown;
  store?: unknown;
  builder?: unknown;
  nodes: Record<string, unknown>;
  getGraphAsync(config?: Record<string, unknown>): Promise<{ toJSON(): unknown }>;
  [key: string]: unknown;
}

/** Where a graph's module failed: the message, and the file and line when the error names one. */
export interface CodeGraphProblem {
  message: string;
  file: string;
  line?: number;
  column?: number;
}

export class CodeGraphError extends Error {
  override name = "CodeGraphError";
  constructor(readonly graphId: string, readonly problem: CodeGraphProblem) {
    super(`graph "${graphId}" could not be loaded: ${problem.message} (${problem.file}${problem.line ? `:${problem.line}` : ""}); fix the file and save: it reloads`);
  }
}

export function isCompiledGraph(value: unknown): value is PregelLike {
  if (!value || typeof value !== "object") return false;
  const graph = value as Record<string, unknown>;
  return typeof graph.stream === "function" && typeof graph.getState === "function" && typeof graph.nodes === "object";
}

function isGraphBuilder(value: unknown): value is { compile(): unknown } {
  return !!value && typeof value === "object" && typeof (value as { compile?: unknown }).compile === "function" && !isCompiledGraph(value);
}

/**
 * `createAgent` (LangChain 1.x) returns a wrapper that looks like a compiled graph and holds the
 * real one under `.graph`: the dev server unwraps it too, so streams see the actual Pregel.
 */
export function unwrapGraph(value: unknown): unknown {
  const compiled = isGraphBuilder(value) ? value.compile() : value;
  const inner = (compiled as { graph?: unknown } | null)?.graph;
  return isCompiledGraph(inner) ? inner : compiled;
}

/** Imports the module of a spec and finds its graph: a compiled graph, a StateGraph to compile, or a factory taking config. */
export async function loadCodeGraph(spec: GraphSpec, version: number, projectDir: string): Promise<CodeGraphValue> {
  if (!existsSync(spec.file)) throw new CodeGraphError(spec.graphId, { message: `no such file (from "${spec.spec}" in langgraph.json)`, file: spec.file });
  let module: Record<string, unknown>;
  try {
    module = await importProjectModule(spec.file, version);
  } catch (error) {
    throw new CodeGraphError(spec.graphId, problemOf(error, spec.file, projectDir));
  }
  if (!(spec.exportName in module) || module[spec.exportName] === undefined) {
    const exported = Object.keys(module).filter((name) => name !== "__esModule");
    throw new CodeGraphError(spec.graphId, { message: `the module has no export "${spec.exportName}" (it exports: ${exported.join(", ") || "nothing"})`, file: spec.file });
  }
  const value = await module[spec.exportName];
  if (typeof value === "function" && !isGraphBuilder(value)) {
    return { kind: "factory", make: value as (config: Record<string, unknown>, runtime?: unknown) => unknown };
  }
  const graph = unwrapGraph(value);
  if (!isCompiledGraph(graph)) {
    throw new CodeGraphError(spec.graphId, { message: `export "${spec.exportName}" is not a LangGraph graph (expected a compiled graph, a StateGraph or a function returning one)`, file: spec.file });
  }
  return { kind: "compiled", graph };
}

/** Resolves a factory's result for one config; the same checks as a module export. */
export async function graphFromFactory(graphId: string, file: string, make: (config: Record<string, unknown>, runtime?: unknown) => unknown, config: Record<string, unknown>, runtime: unknown): Promise<PregelLike> {
  const graph = unwrapGraph(await make(config, runtime));
  if (!isCompiledGraph(graph)) throw new CodeGraphError(graphId, { message: "the factory did not return a LangGraph graph", file });
  return graph;
}

/**
 * The file and line of an import failure: esbuild names them in a syntax error's message
 * (`/p/src/a.ts:3:7: ERROR: ...`); a thrown error names them in its first stack frame inside the project.
 */
export function problemOf(error: unknown, fallbackFile: string, projectDir: string): CodeGraphProblem {
  const message = error instanceof Error ? error.message : String(error);
  const syntax = /(\/[^\s:]+|[A-Za-z]:\\[^:]+):(\d+):(\d+): ERROR: (.*)/.exec(message);
  if (syntax) return { message: `syntax error: ${syntax[4]}`, file: syntax[1], line: Number(syntax[2]), column: Number(syntax[3]) };
  const name = error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
  const frame = projectFrame(error instanceof Error ? error.stack : undefined, projectDir);
  return { message: `${name}${message.split("\n")[0]}`, file: frame?.file ?? fallbackFile, ...(frame ? { line: frame.line, column: frame.column } : {}) };
}

function projectFrame(stack: string | undefined, projectDir: string): { file: string; line: number; column: number } | undefined {
  for (const match of (stack ?? "").matchAll(/(file:\/\/[^\s)]+|\/[^\s():]+):(\d+):(\d+)/g)) {
    let file = match[1];
    if (file.startsWith("file:")) {
      const url = new URL(file);
      url.searchParams.delete(VERSION_PARAM);
      file = fileURLToPath(url);
    }
    if (file.startsWith(projectDir) && !file.includes("/node_modules/")) return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
