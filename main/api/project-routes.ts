import type { Hono, MiddlewareHandler } from "hono";

interface HonoRequestCache {
  /** Hono keeps the promise of each body form it has read. */
  bodyCache: { json?: Promise<unknown>; text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer> };
  raw: Request;
}

/**
 * After a project's middleware (`http.app`) read a request's body through Hono (`c.req.json()`),
 * the raw body is spent: this puts back what the middleware left, edits included, so the API
 * routes read the body as the project's code wants them to (the LangGraph.js server's routes
 * read Hono's parsed body, which is the same effect).
 */
export function adoptParsedBody(): MiddlewareHandler {
  return async (c, next) => {
    const request = c.req as unknown as HonoRequestCache;
    const cache = request.bodyCache;
    const body = cache.json ? JSON.stringify(await cache.json) : cache.text ? await cache.text : cache.arrayBuffer ? await cache.arrayBuffer : undefined;
    if (body !== undefined) {
      const headers = new Headers(request.raw.headers);
      headers.delete("content-length");
      request.raw = new Request(request.raw.url, { method: request.raw.method, headers, body, signal: request.raw.signal });
    }
    await next();
  };
}

/** Mounts a project's Hono app ahead of the API: its middleware wraps every route, its own routes answer first. */
export function mountProjectApp(app: Hono, projectApp: Hono | undefined): void {
  if (!projectApp) return;
  app.route("/", projectApp);
  app.use("*", adoptParsedBody());
}
