import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseEnv } from "node:util";

/** One entry of `graphs`: `"agent": "./src/agent.ts:graph"` (the export defaults to `default`). */
export interface GraphSpec {
  graphId: string;
  /** The spec as written in langgraph.json. */
  spec: string;
  /** Absolute path of the module. */
  file: string;
  exportName: string;
  description?: string;
}

/** A langgraph.json, read and resolved against its folder. */
export interface ProjectConfig {
  configFile: string;
  dir: string;
  graphs: GraphSpec[];
  /** Inline `env`, or the parsed `env` file; applied to process.env before graphs load. */
  env: Record<string, string>;
  envFile?: string;
  dependencies: string[];
  /** `http.app`: a Hono app whose routes and middleware are served next to the API. */
  httpApp?: ModuleSpec;
  /** `ui`: generative UI components per name (`"agent": "./src/ui.tsx"`), bundled and served under /ui/NAME. */
  ui: Record<string, string>;
  /** `ui_config.shared`: packages the UI bundles leave to the page that loads them. */
  uiShared: string[];
}

/** A module and one of its exports, as `"./src/app.ts:app"` names them. */
export interface ModuleSpec {
  spec: string;
  file: string;
  exportName: string;
}

export class LangGraphConfigError extends Error {
  override name = "LangGraphConfigError";
  constructor(readonly configFile: string, reason: string) {
    super(`${configFile}: ${reason}`);
  }
}

/** Reads a langgraph.json the way `langgraph dev` does: `graphs`, `env` (file or inline), `dependencies`. */
export function readProjectConfig(configFile: string): ProjectConfig {
  const file = resolve(configFile);
  const dir = dirname(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new LangGraphConfigError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LangGraphConfigError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new LangGraphConfigError(file, "must be a JSON object");
  const config = raw as Record<string, unknown>;
  const graphs = graphSpecsOf(file, dir, config.graphs);
  const { env, envFile } = envOf(file, dir, config.env);
  const dependencies = Array.isArray(config.dependencies) ? config.dependencies.filter((item): item is string => typeof item === "string") : [];
  const httpApp = httpAppOf(file, dir, config.http);
  const ui = uiOf(file, config.ui);
  const uiShared = stringList((config.ui_config as { shared?: unknown } | undefined)?.shared);
  return { configFile: file, dir, graphs, env, envFile, dependencies, ...(httpApp ? { httpApp } : {}), ui, uiShared };
}

function moduleSpecOf(dir: string, spec: string): ModuleSpec {
  // A Windows drive letter has a colon too: the export is what follows the last colon after the path.
  const colon = spec.lastIndexOf(":");
  const hasExport = colon > 1;
  const modulePath = hasExport ? spec.slice(0, colon) : spec;
  const exportName = hasExport ? spec.slice(colon + 1) : "default";
  return { spec, file: resolve(dir, modulePath), exportName: exportName || "default" };
}

function httpAppOf(file: string, dir: string, value: unknown): ModuleSpec | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new LangGraphConfigError(file, `"http" must be an object such as {"app": "./src/app.ts:app"}`);
  const app = (value as { app?: unknown }).app;
  if (app === undefined) return undefined;
  if (typeof app !== "string" || app.trim() === "") throw new LangGraphConfigError(file, `http.app: must be "./path/to/module.ts:export" naming a Hono app`);
  return moduleSpecOf(dir, app);
}

function uiOf(file: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new LangGraphConfigError(file, `"ui" must be an object of name -> "./path/to/ui.tsx"`);
  for (const [name, path] of Object.entries(value)) {
    if (typeof path !== "string" || path.trim() === "") throw new LangGraphConfigError(file, `ui.${name}: must be a path such as "./src/ui.tsx"`);
  }
  return value as Record<string, string>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function graphSpecsOf(file: string, dir: string, value: unknown): GraphSpec[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new LangGraphConfigError(file, `"graphs" must be an object of graph id -> "./path/to/module.ts:export"`);
  return Object.entries(value as Record<string, unknown>).map(([graphId, entry]) => {
    const spec = typeof entry === "string" ? entry : (entry as { path?: unknown } | null)?.path;
    if (typeof spec !== "string" || spec.trim() === "") throw new LangGraphConfigError(file, `graphs.${graphId}: must be "./path/to/module.ts:export" (or {"path": ...})`);
    const description = typeof entry === "object" && entry && typeof (entry as { description?: unknown }).description === "string" ? (entry as { description: string }).description : undefined;
    return { graphId, ...moduleSpecOf(dir, spec), ...(description ? { description } : {}) };
  });
}

function envOf(file: string, dir: string, value: unknown): { env: Record<string, string>; envFile?: string } {
  if (value === undefined || value === null) return { env: {} };
  if (typeof value === "string") {
    const envFile = resolve(dir, value);
    let text: string;
    try {
      text = readFileSync(envFile, "utf8");
    } catch {
      throw new LangGraphConfigError(file, `"env" names ${value}, which cannot be read (create it or remove "env")`);
    }
    return { env: parseEnv(text) as Record<string, string>, envFile };
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    return { env: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, String(item)])) };
  }
  throw new LangGraphConfigError(file, `"env" must be a file name or an object of variables`);
}

/**
 * Default assistant config per graph from `LANGGRAPH_CONFIG` (as the LangGraph dev server reads it):
 * `{"agent": {"configurable": {...}, "context": {...}}}`.
 */
export function defaultAssistantConfigs(env: NodeJS.ProcessEnv = process.env): Record<string, { config: Record<string, unknown>; context: Record<string, unknown> }> {
  const text = env.LANGGRAPH_CONFIG;
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    console.error("switchyard: LANGGRAPH_CONFIG is not valid JSON; ignoring it");
    return {};
  }
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, Record<string, unknown>>).map(([graphId, entry]) => {
      const { context, ...config } = entry ?? {};
      return [graphId, { config, context: (context as Record<string, unknown>) ?? {} }];
    }),
  );
}
