import { Hono } from "hono";
import type { ServerContext } from "../context";

export const SWITCHYARD_VERSION = "0.1.0";

/** Health and server info, as the LangGraph SDK and Studio probe them. */
export function systemRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get("/ok", (c) => c.json({ ok: true }));
  app.get("/info", (c) =>
    c.json({
      version: SWITCHYARD_VERSION,
      server: "switchyard",
      workspace: ctx.workspace.name,
      flags: { assistants: true, crons: false, langsmith: false },
    }),
  );
  return app;
}
