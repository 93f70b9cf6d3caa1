import type { Hono, MiddlewareHandler } from "hono";

interface HonoRequestCache {
  /** Hono keeps the promise of each body form it has read. */
  bodyCache: { json?: Promise<unknown>; text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer> };
  raw: Request;
}

/**
 * After a project's middleware (`http.app`) read a request's body through Hono (`c.req.json()`,
 * `c.req.text()`), the raw body is spent and Hono keeps what it read: this gives the request that
 * body again, so the API routes (which read the raw body) still get it. Since Hono 4.13 each
 * `c.req.json()` parses afresh, so a middleware's edits to the parsed object are not seen by
 * later readers (the same on the LangGraph.js server); per-request values reach a run through
 * `x-*` headers instead (request-headers.ts).
 */
export function adoptParsedBody(): MiddlewareHandler {
  return async (c, next) => {
    const request = c.req as unknown as HonoRequestCache;
    const cache = request.bodyCache;
    const body = cache.text ? await cache.text : cache.json ? JSON.stringify(await cache.json) : cache.arrayBuffer ? await cache.arrayBuffer : undefined;
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
