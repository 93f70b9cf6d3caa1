import type { Hono } from "hono";
import type { ModuleSpec } from "./langgraph-config";
import { importProjectModule } from "./module-loader";

export class HttpAppError extends Error {
  override name = "HttpAppError";
  constructor(readonly spec: ModuleSpec, reason: string) {
    super(`http.app "${spec.spec}": ${reason}`);
  }
}

function isHonoApp(value: unknown): value is Hono {
  return typeof value === "object" && value !== null && typeof (value as Hono).fetch === "function" && Array.isArray((value as Hono).routes);
}

/**
 * Imports a project's `http.app` (a Hono app) once, at server start: its routes and middleware
 * are mounted into the server's own app, so they see the same request (a middleware that edits
 * a run's body changes what the run gets). Editing the file needs a server restart.
 */
export async function loadHttpApp(spec: ModuleSpec): Promise<Hono> {
  let module: Record<string, unknown>;
  try {
    module = await importProjectModule(spec.file, 0);
  } catch (error) {
    throw new HttpAppError(spec, `the module could not be loaded: ${(error as Error)?.message ?? String(error)}`);
  }
  const app = await module[spec.exportName];
  if (!isHonoApp(app)) throw new HttpAppError(spec, `export "${spec.exportName}" is not a Hono app (new Hono() from the "hono" package)`);
  return app;
}
