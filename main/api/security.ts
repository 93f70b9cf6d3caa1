import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { BodyTooLargeError, MAX_BODY_BYTES } from "./body";
import { ApiError } from "./errors";
import { isLoopbackHost } from "./loopback";

export interface SecurityOptions {
  /** The address the server listens on; `port` is filled in once it is known (for `--port 0`). */
  address: { host: string; port: number };
  token?: string;
  /** Web origins allowed to call the API from a browser (`--allow-origin`), e.g. LangGraph Studio. */
  allowOrigins: string[];
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];


/** Host names (with port) a request may carry: this server's loopback names, or its own bound name. */
function allowedHosts(options: SecurityOptions): Set<string> {
  const { host, port } = options.address;
  const names = new Set(LOOPBACK_NAMES);
  names.add(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return new Set([...names].map((name) => `${name}:${port}`));
}

/**
 * Every request, before any route: DNS-rebinding Host check, foreign-Origin check (with CORS for
 * `--allow-origin` only, never a wildcard), bearer token, and JSON-only bodies with a size cap.
 */
export function securityMiddleware(options: SecurityOptions): MiddlewareHandler {
  return async (c, next) => {
    checkHost(c, options);
    const origin = c.req.header("origin");
    const corsOrigin = origin && options.allowOrigins.includes(origin) ? origin : undefined;
    if (origin && !corsOrigin && !isOwnOrigin(origin, options)) throw new ApiError(403, `requests from origin ${origin} are not allowed (start the server with --allow-origin ${origin} to let it in)`);
    if (c.req.method === "OPTIONS" && corsOrigin) return preflight(c, corsOrigin);
    if (corsOrigin) setCorsHeaders(c, corsOrigin);
    if (options.token && !isPublicAsset(c)) checkToken(c, options.token);
    checkBody(c);
    c.header("X-Content-Type-Options", "nosniff");
    await next();
  };
}

function checkHost(c: Context, options: SecurityOptions): void {
  const host = c.req.header("host");
  // Beyond loopback a token is required, and it is what keeps other sites out.
  if (!isLoopbackHost(options.address.host) && options.token) return;
  if (!host || !allowedHosts(options).has(host.toLowerCase())) {
    throw new ApiError(421, `Host header ${JSON.stringify(host ?? "")} is not this server (expected ${[...allowedHosts(options)][0]})`);
  }
}

function isOwnOrigin(origin: string, options: SecurityOptions): boolean {
  return [...allowedHosts(options)].some((host) => origin === `http://${host}`);
}

function preflight(c: Context, origin: string): Response {
  setCorsHeaders(c, origin);
  c.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  c.header("Access-Control-Allow-Headers", c.req.header("access-control-request-headers") ?? "authorization, content-type");
  c.header("Access-Control-Max-Age", "600");
  return c.body(null, 204);
}

function setCorsHeaders(c: Context, origin: string): void {
  c.header("Access-Control-Allow-Origin", origin);
  c.header("Access-Control-Expose-Headers", "Content-Location, Location");
  c.header("Vary", "Origin");
}

function isPublicAsset(c: Context): boolean {
  if (c.req.method !== "GET") return false;
  return c.req.path === "/" || c.req.path.startsWith("/assets/") || c.req.path === "/favicon.ico";
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function checkToken(c: Context, token: string): void {
  const header = c.req.header("authorization");
  const given = header?.startsWith("Bearer ") ? header.slice(7) : c.req.header("x-api-key");
  // Compare digests so neither the length nor the content leaks through timing.
  if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
    throw new ApiError(401, "missing or wrong token: send Authorization: Bearer <token>");
  }
}

function checkBody(c: Context): void {
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(c.req.method)) return;
  const length = c.req.header("content-length");
  const hasBody = (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
  if (!hasBody) return;
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const type = c.req.header("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, `request bodies must be application/json (got ${type ?? "no Content-Type"})`);
}
