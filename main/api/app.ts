import { Hono } from "hono";
import { CorruptCheckpointError } from "../checkpoint/errors";
import { InvalidGraphNameError } from "../workspace/graph-files";
import { GraphChangedOnDiskError, GraphExistsError, GraphNotFoundError, GraphSchemaError } from "../workspace/workspace";
import type { WorkspaceWatcher } from "../workspace/workspace-watch";
import type { ServerContext } from "./context";
import { ApiError } from "./errors";
import { assistantRoutes } from "./routes/assistants";
import { editorRoutes } from "./routes/editor";
import { exportRoutes } from "./routes/export";
import { flowTestRoutes } from "./routes/flow-tests";
import { pinRoutes } from "./routes/pins";
import { recordedCallRoutes } from "./routes/recorded-calls";
import { runNodeRoutes } from "./routes/run-node";
import { rendererRoutes } from "./routes/renderer";
import { runRoutes } from "./routes/runs";
import { settingsRoutes } from "./routes/settings";
import { stateRoutes } from "./routes/state";
import { storeRoutes } from "./routes/store";
import { systemRoutes } from "./routes/system";
import { threadRoutes } from "./routes/threads";
import { truncateRoutes } from "./routes/truncate";
import { toolRoutes } from "./routes/tools";
import { securityMiddleware } from "./security";
import { acknowledgeWhenSynced } from "./index-sync";
import { IndexSyncError } from "../workspace/group-sync";
import { loadHttpApp } from "../project/http-app";
import { mountProjectApp } from "./project-routes";
import { graphUiRoutes } from "./routes/graph-ui";

/**
 * The whole HTTP API: security first, then a code project's own `http.app` (its middleware wraps
 * everything after it), the LangGraph routes, generative UI, the editor routes and the renderer.
 */
export async function createApp(ctx: ServerContext, watcher: WorkspaceWatcher): Promise<Hono> {
  const app = new Hono();
  app.use("*", securityMiddleware(ctx.security));
  app.use("*", acknowledgeWhenSynced(ctx));
  mountProjectApp(app, ctx.project?.httpApp ? await loadHttpApp(ctx.project.httpApp) : undefined);
  for (const routes of [systemRoutes(ctx), assistantRoutes(ctx), threadRoutes(ctx), stateRoutes(ctx), runRoutes(ctx), editorRoutes(ctx, watcher), flowTestRoutes(ctx), settingsRoutes(ctx), rendererRoutes(ctx)]) {
    app.route("/", routes);
  }
  app.route("/", exportRoutes(ctx));
  app.route("/", storeRoutes(ctx));
  app.route("/", truncateRoutes(ctx));
  app.route("/", graphUiRoutes(ctx));
  app.route("/", toolRoutes(ctx));
  app.route("/", recordedCallRoutes(ctx));
  app.route("/", pinRoutes(ctx));
  app.route("/", runNodeRoutes(ctx));
  app.notFound((c) => c.json({ detail: `Not found: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    // A project route's HTTPException (hono/http-exception) answers as it says.
    if (isHttpException(error)) return error.getResponse();
    if (error instanceof ApiError && error.plainText && !acceptsJson(c.req.header("accept"))) return c.text(error.message, error.status);
    const { status, body } = errorResponse(error);
    return c.json(body, status);
  });
  return app;
}

/** Known errors become `{"detail": ...}` with their status; anything else is a 500 without internals. */
export function errorResponse(error: unknown): { status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 500; body: { detail: string; problems?: unknown[]; error?: string; thread_id?: string; offset?: number } } {
  // Damaged data on disk is the server's problem, not the request's (500), but it is named: which thread, which byte, what to run.
  if (error instanceof CorruptCheckpointError) return { status: 500, body: { detail: error.message, error: error.name, thread_id: error.threadId, offset: error.offset } };
  if (error instanceof IndexSyncError) return { status: 500, body: { detail: error.message, error: error.name } };
  if (error instanceof ApiError) return { status: error.status, body: { detail: error.message, ...(error.problems ? { problems: error.problems } : {}) } };
  if (error instanceof GraphNotFoundError) return { status: 404, body: { detail: error.message } };
  if (error instanceof GraphExistsError || error instanceof GraphChangedOnDiskError) return { status: 409, body: { detail: error.message } };
  if (error instanceof GraphSchemaError) return { status: 422, body: { detail: error.message, problems: error.problems } };
  if (error instanceof InvalidGraphNameError) return { status: 400, body: { detail: error.message } };
  console.error("switchyard: unexpected error while answering a request:", error);
  return { status: 500, body: { detail: "internal server error (see the server's log)" } };
}

/**
 * The LangGraph.js server answers an unknown thread or assistant with plain text ("Thread with ID
 * ... not found", "Assistant not found"), and its clients match that text; a client that asks for
 * JSON (as the Switchyard app does) gets `{"detail"}`.
 */
function acceptsJson(accept: string | undefined): boolean {
  return accept !== undefined && /application\/json/i.test(accept);
}

function isHttpException(error: unknown): error is { status: number; getResponse(): Response } {
  return error instanceof Error && typeof (error as { getResponse?: unknown }).getResponse === "function" && typeof (error as { status?: unknown }).status === "number";
}
