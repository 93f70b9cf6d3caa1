import { request as httpRequest } from "node:http";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

const TOKEN = "test-token-1234";
const STUDIO = "https://studio.example.com";

/** A raw request, so tests can send any Host header and body bytes. */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((done, fail) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => done({ status: res.statusCode!, body: text, headers: res.headers }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

// Acceptance 5: bad input and hostile requests get a precise status and `{"detail"}`, never a 500,
// and the thread's state is exactly as before.
describe("bad input and security", () => {
  let server: ServerProcess;
  let workspace: ReturnType<typeof makeWorkspace>;
  let request: ReturnType<typeof http>;
  let threadId: string;
  let stateBefore: unknown;
  const auth = { Authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    workspace = makeWorkspace();
    server = await startServerProcess(workspace.dir, ["--token", TOKEN, "--allow-origin", STUDIO]);
    request = http(server.url, auth);
    threadId = (await request("POST", "/threads", {})).json.thread_id;
    await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, interrupt_before: ["ask_human"] });
    stateBefore = (await request("GET", `/threads/${threadId}/state`)).json;
  });
  afterAll(async () => {
    expect((await request("GET", `/threads/${threadId}/state`)).json).toEqual(stateBefore);
    await server?.stop();
    workspace?.remove();
  });

  const cases: Array<[string, () => Promise<{ status: number; json?: any; text: string }>, number, RegExp]> = [
    ["malformed JSON", () => request("POST", `/threads/${threadId}/runs/stream`, '{"assistant_id": "agent",'), 400, /not valid JSON/],
    ["a JSON array body", () => request("POST", `/threads/${threadId}/state`, "[1,2]"), 400, /JSON object/],
    ["an unknown assistant", () => request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "nope", input: null }), 404, /No assistant found for "nope"/],
    ["no assistant_id", () => request("POST", `/threads/${threadId}/runs/wait`, { input: null }), 400, /assistant_id/],
    ["an input that is not an object", () => request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: "hello" }), 400, /^input:/],
    ["an unknown stream mode", () => request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "agent", stream_mode: ["everything"] }), 400, /stream_mode: "everything"/],
    ["an unknown interrupt_before node", () => request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "agent", input: null, interrupt_before: ["ask_humann"] }), 400, /interrupt_before: unknown node "ask_humann"/],
    ["an unknown interrupt_after node", () => request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null, interrupt_after: ["x"] }), 400, /interrupt_after: unknown node "x"/],
    ["an unknown as_node", () => request("POST", `/threads/${threadId}/state`, { values: { messages: [] }, as_node: "robot" }), 400, /as_node: unknown node "robot"/],
    ["an unknown state field", () => request("POST", `/threads/${threadId}/state`, { values: { mood: "happy" }, as_node: "ask_human" }), 422, /values\.mood: no state field/],
    ["a message LangGraph cannot read", () => request("POST", `/threads/${threadId}/state`, { values: { messages: [{ nonsense: true }] }, as_node: "ask_human" }), 422, /^values\.messages\[0\]\.type: expected human, ai, system, tool/],
    ["a bad checkpoint id", () => request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null, checkpoint_id: "../../etc" }), 400, /checkpoint_id/],
    ["a thread id with a path in it", () => request("GET", "/threads/..%2F..%2Fetc/state"), 422, /thread_id/],
    ["a reserved thread id", () => request("GET", "/threads/con"), 422, /thread_id "con"/],
    ["a thread id that is too long", () => request("GET", `/threads/${"a".repeat(200)}`), 422, /thread_id/],
    // Without Accept: application/json an unknown thread is plain text, as on the LangGraph.js server (platform-project test).
    ["an unknown thread", () => request("GET", "/threads/2b1c0e55-0000-4000-8000-000000000000/state", undefined, { Accept: "application/json" }), 404, /Thread with ID/],
    ["a bad thread_id in a body", () => request("POST", "/threads", { thread_id: "a/b" }), 400, /thread_id/],
    ["an unknown run", () => request("GET", `/threads/${threadId}/runs/2b1c0e55-0000-4000-8000-000000000000`), 404, /Run with ID/],
    ["an unknown route", () => request("GET", "/nothing/here"), 404, /Not found/],
    ["a text/plain body", () => request("POST", `/threads/${threadId}/state`, '{"values":{}}', { "Content-Type": "text/plain" }), 415, /application\/json/],
    ["a form body", () => request("POST", "/threads", "a=b", { "Content-Type": "application/x-www-form-urlencoded" }), 415, /application\/json/],
    ["a body over the size cap", () => request("POST", "/threads", JSON.stringify({ metadata: { big: "x".repeat(1_100_000) } })), 413, /larger than/],
    ["a wrong token", () => request("GET", "/ok", undefined, { Authorization: "Bearer wrong" }), 401, /token/],
    ["a foreign Origin", () => request("POST", "/threads", {}, { Origin: "https://evil.example" }), 403, /origin https:\/\/evil\.example/],
  ];

  it.each(cases)("rejects %s", async (_name, send, status, detail) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.json?.detail).toMatch(detail);
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("rejects a missing token and a foreign Host (DNS rebinding)", async () => {
    const noToken = await raw(server.url, "GET", "/ok", {});
    expect(noToken.status).toBe(401);
    const rebinding = await raw(server.url, "GET", "/ok", { ...auth, Host: `evil.example:${new URL(server.url).port}` });
    expect(rebinding.status).toBe(421);
    expect(JSON.parse(rebinding.body).detail).toMatch(/Host header "evil\.example/);
    const ok = await raw(server.url, "GET", "/ok", { ...auth, Host: `localhost:${new URL(server.url).port}` });
    expect(ok.status).toBe(200);
  });

  it("sends CORS headers to an --allow-origin origin only, never a wildcard", async () => {
    const preflight = await raw(server.url, "OPTIONS", "/threads", { Origin: STUDIO, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,authorization" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(STUDIO);
    const allowed = await request("POST", "/threads/search", {}, { Origin: STUDIO });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(STUDIO);
    const own = await request("GET", "/ok", undefined, { Origin: server.url });
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers JSON on API routes even when the client asks for HTML, and serves / with a CSP", async () => {
    const api = await request("GET", `/threads/${threadId}`, undefined, { Accept: "text/html" });
    expect(api.headers.get("content-type")).toContain("application/json");
    const page = await raw(server.url, "GET", "/", {});
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("409s a state update while the thread is busy and 409s creating an existing thread", async () => {
    const again = await request("POST", "/threads", { thread_id: threadId });
    expect(again.status).toBe(409);
    const same = await request("POST", "/threads", { thread_id: threadId, if_exists: "do_nothing" });
    expect(same.json.thread_id).toBe(threadId);
  });
});
