/* global process, console, URL -- plain Node globals (the shared ESLint config has no Node env for .mjs) */
// The service status API the tech branch calls with an http tool: GET /status/<service>.
// Run it alone with `node tools/status-api.mjs` (port 47311, or STATUS_PORT); kb-server.mjs starts it too.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

export const STATUS_PORT = Number(process.env.STATUS_PORT ?? 47311);

const SERVICES = {
  api: { summary: "api is degraded: elevated error rates since 09:00 UTC", state: "degraded" },
  web: { summary: "web is operational", state: "operational" },
  billing: { summary: "billing is operational", state: "operational" },
};

/** Listens on 127.0.0.1; resolves with false when the port is taken (another copy already serves it). */
export function startStatusApi(port = STATUS_PORT) {
  const server = createServer((req, res) => {
    const match = /^\/status\/([\w-]+)$/.exec(new URL(req.url ?? "/", "http://status").pathname);
    const service = match ? SERVICES[match[1]] : undefined;
    if (req.method !== "GET" || !service) {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: `unknown service: ${match?.[1] ?? req.url}` }));
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ service: match[1], ...service, checkedAt: new Date().toISOString() }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error) => (error.code === "EADDRINUSE" ? resolve(false) : reject(error)));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startStatusApi();
  console.error(server ? `status API on http://127.0.0.1:${STATUS_PORT}` : `port ${STATUS_PORT} is taken: is the status API already running?`);
}
