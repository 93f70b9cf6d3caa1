import type { SecurityOptions } from "./security";

/** Where the LangGraph SDK's `new Client()` (no apiUrl) looks for the server it runs inside. */
const SDK_FETCH = Symbol.for("langgraph_api:fetch");
const SDK_URL = Symbol.for("langgraph_api:url");

export type LoopbackFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that answers from this server's own app without a network hop, as the LangGraph.js
 * server offers its graphs and custom routes: `new Client()` inside a project's code calls the
 * server it runs in, and webhooks given as a path land on it. Requests carry this server's own
 * Host (and token), so the security layer treats them as what they are: calls from inside.
 */
export function loopbackFetch(app: { request(input: Request): Response | Promise<Response> }, security: SecurityOptions): LoopbackFetch {
  const own = () => `127.0.0.1:${security.address.port}`;
  return async (input, init) => {
    const url = new URL(String(input), `http://${own()}`);
    const target = new URL(`${url.pathname}${url.search}`, `http://${own()}`);
    const headers = new Headers(init?.headers);
    headers.set("host", own());
    headers.delete("origin");
    if (security.token) headers.set("authorization", `Bearer ${security.token}`);
    if (init?.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    return app.request(new Request(target, { ...init, headers }));
  };
}

/** Makes `new Client()` without an apiUrl, in a project's graphs and routes, talk to this server. */
export function bindSdkLoopback(fetch: LoopbackFetch, security: SecurityOptions): void {
  const global = globalThis as Record<symbol, unknown>;
  global[SDK_FETCH] = fetch;
  global[SDK_URL] = `http://127.0.0.1:${security.address.port}`;
}
