/**
 * The Content-Security-Policy of the desktop window. The shell sets it as a response header on
 * every response from the app's own origin (session.webRequest.onHeadersReceived), so it holds
 * whatever the server or the HTML says.
 *
 * - scripts only from the app's origin: no inline scripts, no eval, no remote code;
 * - fetch and SSE only to the app's origin (the API server that served the page), plus the
 *   origins of LangGraph deployments the user connected to ("Connect to deployment"), one
 *   exact http(s) origin each, added per window through the bridge (see contentSecurityPolicy);
 * - no plugins, frames, forms posting elsewhere, or `<base>` rewriting;
 * - styles allow 'unsafe-inline' because React Flow and the panels position elements with
 *   inline `style` attributes; style injection cannot run code.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'none'"],
  ["script-src", "'self'"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self' data:"],
  ["connect-src", "'self'"],
  ["worker-src", "'self' blob:"],
  ["manifest-src", "'self'"],
  ["media-src", "'none'"],
  ["object-src", "'none'"],
  ["frame-src", "'none'"],
  ["child-src", "'none'"],
  ["frame-ancestors", "'none'"],
  ["form-action", "'none'"],
  ["base-uri", "'none'"],
];

/**
 * The policy with `connectOrigins` (exact origins such as `https://api.example.com`, already
 * validated by deploymentOriginOf in security.ts) appended to connect-src.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return CSP_DIRECTIVES.map(([name, value]) => {
    const sources = name === "connect-src" && connectOrigins.length > 0 ? `${value} ${connectOrigins.join(" ")}` : value;
    return `${name} ${sources}`;
  }).join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Parses a policy into a directive -> sources map (used by tests and by anyone auditing it). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
