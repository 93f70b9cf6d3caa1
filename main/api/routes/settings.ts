import { Hono } from "hono";
import { z } from "zod";
import { validateGraphDoc } from "../../../shared/graph-validate";
import { checkRunnable } from "../../engine/preflight";
import { providerStatuses } from "../../settings/provider-access";
import { secretSource } from "../../settings/secrets";
import { readSettings, settingsFilePath, SettingsFileError, updateSettings } from "../../settings/settings-file";
import { secretNames } from "../../settings/secret-names";
import { checkGraphName } from "../../workspace/graph-files";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { ApiError } from "../errors";

export interface SettingsRouteOptions {
  /** The settings file (default: the per-user one). */
  path?: string;
  env?: NodeJS.ProcessEnv;
}

const key = z.string().trim().max(1000).regex(/^\S*$/, "an API key has no spaces").nullable().optional();
const baseUrl = z.union([z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }), z.literal("")]).nullable().optional();
/** Secrets that http tools and mcp.json name as {{secrets.NAME}}: set by name, never read back. */
const secretChanges = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, "a secret name is letters, digits and _"), z.string().max(10_000).nullable()).optional();
const settingsChangeSchema = z
  .object({
    keys: z.object({ openai: key, anthropic: key }).strict().optional(),
    secrets: secretChanges,
    baseUrls: z.object({ openai: baseUrl, anthropic: baseUrl, ollama: baseUrl }).strict().optional(),
  })
  .strict();

const preflightSchema = z.object({ graph_id: z.string().min(1).optional(), doc: z.unknown().optional() }).strict();

/**
 * The Settings panel's routes: which providers have keys (and from where), never the keys; and
 * writing keys and base URLs to the per-user file. Plus the run preflight the editor shows as
 * problems before a run (missing keys, code that does not compile).
 */
export function settingsRoutes(ctx: ServerContext, options: SettingsRouteOptions = {}): Hono {
  const app = new Hono();
  const path = () => options.path ?? settingsFilePath(options.env ?? process.env);
  const env = () => options.env ?? process.env;
  const view = () => {
    const settings = loadSettings(path());
    return { path: path(), providers: providerStatuses(settings, env()), secrets: Object.keys(settings.secrets ?? {}).sort() };
  };

  app.get("/switchyard/settings", (c) => c.json(view()));

  app.put("/switchyard/settings", async (c) => {
    const change = parseBody(settingsChangeSchema, await readJsonObject(c));
    try {
      updateSettings(change, path());
    } catch (error) {
      if (error instanceof SettingsFileError) throw new ApiError(409, error.message);
      throw error;
    }
    return c.json(view());
  });

  /** The names a tool may use as {{secrets.NAME}}: the Settings secrets and secret-like environment variables; never a value. */
  app.get("/switchyard/secrets", (c) => c.json({ secrets: secretNames(loadSettings(path()), env()) }));

  app.post("/switchyard/preflight", async (c) => {
    const body = parseBody(preflightSchema, await readJsonObject(c));
    const doc = body.graph_id !== undefined ? await savedDoc(ctx, body.graph_id) : checkedDoc(body.doc);
    const settings = loadSettings(path());
    // The workspace's MCP servers are started here, so one that fails shows on its nodes before a run.
    const tools = { secrets: secretSource(() => settings, env()), mcp: ctx.tools.mcp };
    const problems = await checkRunnable(doc, settings, env(), undefined, tools);
    return c.json({ ok: problems.length === 0, problems });
  });

  return app;
}

function loadSettings(path: string) {
  try {
    return readSettings(path);
  } catch (error) {
    if (error instanceof SettingsFileError) throw new ApiError(409, error.message);
    throw error;
  }
}

async function savedDoc(ctx: ServerContext, graphId: string) {
  const entry = await ctx.workspace.requireGraph(checkGraphName(graphId));
  if (!entry.doc || entry.problems.length > 0) throw new ApiError(422, `graph "${graphId}" has problems to fix first`, entry.problems);
  return entry.doc;
}

function checkedDoc(value: unknown) {
  if (value === undefined) throw new ApiError(400, "give graph_id (a saved graph) or doc (a graph document)");
  const result = validateGraphDoc(value);
  if (!result.ok) throw new ApiError(422, "the graph document has problems to fix first", result.problems);
  return result.doc;
}
