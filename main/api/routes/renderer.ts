import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { Hono, type Context } from "hono";
import type { ServerContext } from "../context";

/**
 * Inline styles are allowed because React Flow positions nodes with them; nothing else is.
 * connect-src also names https: and loopback http: so "Connect to deployment" can reach a LangGraph
 * deployment (LangGraph Platform over https, `langgraph dev` on a local port); scripts still come
 * only from this origin.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Switchyard</title>
<p>The Switchyard app is not built yet. Run <code>npm run build</code>, then reload this page.
The LangGraph API is up: try <code>/ok</code> or <code>/assistants/search</code>.</p>`;

/** The built renderer (`out/renderer/`): `/`, `/index.html` and `/assets/*`, with a strict CSP. */
export function rendererRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const index = (c: Context) => {
    c.header("Cache-Control", "no-cache");
    return serveFile(c, ctx.rendererDir, "index.html");
  };
  app.get("/", index);
  app.get("/index.html", index);
  app.get("/favicon.ico", (c) => serveFile(c, ctx.rendererDir, "favicon.ico"));
  app.get("/assets/*", (c) => {
    // Vite names assets by content hash: a browser may keep them for good, which also lets it
    // keep their compiled code between starts. index.html stays revalidated, so a rebuild shows.
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return serveFile(c, ctx.rendererDir, c.req.path.slice(1));
  });
  return app;
}

async function serveFile(c: Context, root: string, relative: string): Promise<Response> {
  const file = normalize(join(root, decodeURIComponent(relative)));
  c.header("Content-Security-Policy", RENDERER_CSP);
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "no-referrer");
  if (!file.startsWith(normalize(root) + sep)) return c.json({ detail: "Not found" }, 404);
  const content = await readFile(file).catch(() => undefined);
  if (content) return c.body(content, 200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  if (relative === "index.html") return c.html(NOT_BUILT);
  return c.json({ detail: `Not found: /${relative}` }, 404);
}
