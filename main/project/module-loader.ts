import { register as registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

export const VERSION_PARAM = "switchyard-v";

/**
 * A resolve hook that carries the `?switchyard-v=N` of a project module to the project modules it
 * imports (never into node_modules). Importing the entry with a new N therefore re-evaluates the
 * project's own files after an edit, while @langchain/langgraph and every other package stay the
 * one instance the server uses.
 *
 * Why not `tsImport` from tsx/esm/api: it namespaces the whole import tree, node_modules included,
 * so every load (and every reload) evaluated a fresh copy of @langchain/langgraph (~580 modules):
 * memory grows with each reload and the graph's `Command`, stores and savers come from a
 * different copy than the server's.
 */
const VERSION_HOOK = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const parent = context.parentURL && context.parentURL.startsWith("file:") ? new URL(context.parentURL) : undefined;
  const version = parent && parent.searchParams.get(${JSON.stringify(VERSION_PARAM)});
  if (!version || !result.url.startsWith("file:") || result.url.includes("/node_modules/")) return result;
  const url = new URL(result.url);
  url.searchParams.set(${JSON.stringify(VERSION_PARAM)}, version);
  return { ...result, url: url.href };
}`;

let installed: Promise<void> | undefined;
/** Why TypeScript modules cannot be loaded in this build (tsx is not bundled in the desktop app). */
let typeScriptUnavailable: string | undefined;

export class TypeScriptUnavailableError extends Error {
  override name = "TypeScriptUnavailableError";
  constructor(readonly file: string, configHint = "path/to/langgraph.json") {
    super(
      `${file} is TypeScript, and this build can open JavaScript projects only (it does not include tsx). ` +
        `For TypeScript, run \`npx switchyard serve --config ${configHint}\` and open its URL, or point "graphs" at compiled .js files.`,
    );
  }
}

const TYPESCRIPT_FILE = /\.(ts|mts|cts|tsx)$/i;

/**
 * TypeScript (tsx, ESM and CommonJS) plus the version hook, once per process. When Switchyard
 * itself runs from its .ts sources (bin/switchyard.js), tsx's ESM hooks are already in place.
 */
export function installModuleLoader(): Promise<void> {
  installed ??= (async () => {
    const runningFromSource = import.meta.url.endsWith(".ts");
    try {
      if (!runningFromSource) (await import("tsx/esm/api")).register();
      (await import("tsx/cjs/api")).register();
    } catch (error) {
      // The desktop bundle leaves tsx out (scripts/build.js, CLI_ONLY_PACKAGES): JavaScript
      // projects still load; TypeScript ones get TypeScriptUnavailableError.
      typeScriptUnavailable = (error as Error).message;
    }
    registerHooks(`data:text/javascript,${encodeURIComponent(VERSION_HOOK)}`);
  })();
  return installed;
}

/** Imports a project module as of load number `version` (a new number re-reads the project's files). */
export async function importProjectModule(file: string, version: number): Promise<Record<string, unknown>> {
  await installModuleLoader();
  if (typeScriptUnavailable !== undefined && TYPESCRIPT_FILE.test(file)) throw new TypeScriptUnavailableError(file);
  const url = pathToFileURL(file);
  url.searchParams.set(VERSION_PARAM, String(version));
  return (await import(url.href)) as Record<string, unknown>;
}
