/** Headers that carry credentials of the platform itself: never handed to a graph. */
const BLOCKED = new Set(["x-api-key", "x-tenant-id", "x-service-key"]);

/**
 * The request headers a run's graph sees in `config.configurable`, as on the LangGraph Platform:
 * every `x-*` header (lower-cased) and `user-agent`, so an `http.app` middleware or a proxy can
 * pass per-request values to the graph. They are for this run only: not stored with the run.
 */
export function configurableFromHeaders(headers: Headers): Record<string, string> {
  const configurable: Record<string, string> = {};
  headers.forEach((value, rawKey) => {
    const key = rawKey.toLowerCase();
    if ((key.startsWith("x-") && !BLOCKED.has(key)) || key === "user-agent") configurable[key] = value;
  });
  return configurable;
}
