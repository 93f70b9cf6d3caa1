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
import { securityMiddleware } from "./security";

/** The whole HTTP API: security first, then the LangGraph routes, the editor routes and the renderer. */
export function createApp(ctx: ServerContext, watcher: WorkspaceWatcher): Hono {
  const app = new Hono();
  app.use("*", securityMiddleware(ctx.security));
  for (const routes of [systemRoutes(ctx), assistantRoutes(ctx), threadRoutes(ctx), stateRoutes(ctx), runRoutes(ctx), editorRoutes(ctx, watcher), flowTestRoutes(ctx), settingsRoutes(ctx), rendererRoutes(ctx)]) {
    app.route("/", routes);
  }
  app.route("/", exportRoutes(ctx));
  app.route("/", storeRoutes(ctx));
  app.route("/", recordedCallRoutes(ctx));
  app.route("/", pinRoutes(ctx));
  app.route("/", runNodeRoutes(ctx));
  app.notFound((c) => c.json({ detail: `Not found: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    const { status, body } = errorResponse(error);
    return c.json(body, status);
  });
  return app;
}

/** Known errors become `{"detail": ...}` with their status; anything else is a 500 without internals. */
export function errorResponse(error: unknown): { status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 500; body: { detail: string; problems?: unknown[]; error?: string; thread_id?: string; offset?: number } } {
  // Damaged data on disk is the server's problem, not the request's (500), but it is named: which thread, which byte, what to run.
  if (error instanceof CorruptCheckpointError) return { status: 500, body: { detail: error.message, error: error.name, thread_id: error.threadId, offset: error.offset } };
  if (error instanceof ApiError) return { status: error.status, body: { detail: error.message, ...(error.problems ? { problems: error.problems } : {}) } };
  if (error instanceof GraphNotFoundError) return { status: 404, body: { detail: error.message } };
  if (error instanceof GraphExistsError || error instanceof GraphChangedOnDiskError) return { status: 409, body: { detail: error.message } };
  if (error instanceof GraphSchemaError) return { status: 422, body: { detail: error.message, problems: error.problems } };
  if (error instanceof InvalidGraphNameError) return { status: 400, body: { detail: error.message } };
  console.error("switchyard: unexpected error while answering a request:", error);
  return { status: 500, body: { detail: "internal server error (see the server's log)" } };
}
