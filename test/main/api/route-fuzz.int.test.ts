import { servedWorkspace } from "./server-process";

// Every route, fed bodies of the wrong types, missing and extra fields, huge and deep values, bad
// ids, unknown stream modes and unknown checkpoint ids: never a 500, never a hang, the indexes keep
// answering, and a paused thread is exactly as it was after every refused request.

type Body = unknown;
interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** `{thread}` is the paused thread (or a bad id), `{run}` its run, `{id}` any other path id. */
  path: string;
  /** A well-formed body the mutations start from; undefined for routes without one. */
  base?: Record<string, unknown>;
  /** Never sent with the paused thread's own id: it would legitimately delete or replace it. */
  destructive?: boolean;
}

const SEED_INPUT = { messages: [{ role: "human", content: "Use the search tool to ask the user where they are, then look up the weather there" }] };

const ROUTES: Route[] = [
  { method: "POST", path: "/threads", base: { thread_id: null, metadata: { a: 1 }, if_exists: "raise" } },
  { method: "POST", path: "/threads/search", base: { metadata: {}, status: "idle", limit: 10, offset: 0, sort_by: "created_at", sort_order: "desc" } },
  { method: "GET", path: "/threads/{thread}" },
  { method: "PATCH", path: "/threads/{thread}", base: { metadata: { b: 2 } } },
  { method: "DELETE", path: "/threads/{thread}", destructive: true },
  { method: "POST", path: "/threads/{thread}/copy", base: {} },
  { method: "GET", path: "/threads/{thread}/state" },
  { method: "GET", path: "/threads/{thread}/state/{id}" },
  { method: "POST", path: "/threads/{thread}/state/checkpoint", base: { checkpoint: { checkpoint_id: "bogus" } } },
  { method: "POST", path: "/threads/{thread}/state", base: { values: { messages: [{ type: "human", content: "x" }] }, as_node: "ask_human", checkpoint_id: "bogus" } },
  { method: "POST", path: "/threads/{thread}/state/bulk", base: { supersteps: [{ updates: [{ values: { messages: [] }, as_node: "bogus" }] }] } },
  { method: "POST", path: "/threads/{thread}/history", base: { limit: 10, before: "bogus", metadata: {}, checkpoint: { checkpoint_id: "bogus" } } },
  { method: "GET", path: "/threads/{thread}/history?limit=bogus" },
  { method: "POST", path: "/threads/{thread}/runs/stream", base: { assistant_id: "agent", input: { messages: 42 }, stream_mode: ["bogus"], checkpoint_id: "bogus", multitask_strategy: "reject" } },
  { method: "POST", path: "/threads/{thread}/runs/wait", base: { assistant_id: "agent", input: { messages: [{ type: "bogus", content: "x" }] }, interrupt_before: ["nope"] } },
  { method: "POST", path: "/threads/{thread}/runs", base: { assistant_id: "agent", command: { update: "x", goto: "nowhere" }, checkpoint: { checkpoint_id: "bogus" } } },
  { method: "GET", path: "/threads/{thread}/runs?limit=x&offset=-1" },
  { method: "GET", path: "/threads/{thread}/runs/{run}" },
  { method: "GET", path: "/threads/{thread}/runs/{id}/join" },
  { method: "GET", path: "/threads/{thread}/runs/{id}/stream" },
  { method: "POST", path: "/threads/{thread}/runs/{id}/cancel?wait=maybe&action=explode", base: {} },
  { method: "DELETE", path: "/threads/{thread}/runs/{id}" },
  { method: "POST", path: "/runs/stream", base: { assistant_id: "nope", input: 42, stream_mode: "bogus" } },
  { method: "POST", path: "/runs/wait", base: { assistant_id: "agent", input: { messages: "x" }, on_completion: "explode" } },
  { method: "POST", path: "/runs", base: { assistant_id: "agent", input: [], webhook: 3 } },
  { method: "POST", path: "/assistants", base: { graph_id: "nope", assistant_id: "../x y", config: {}, metadata: {}, if_exists: "raise" } },
  { method: "POST", path: "/assistants/search", base: { graph_id: "agent", metadata: {}, limit: 10, offset: 0 } },
  { method: "POST", path: "/assistants/count", base: { graph_id: "agent", metadata: {} } },
  { method: "GET", path: "/assistants/{id}" },
  { method: "PATCH", path: "/assistants/{id}", base: { assistant_id: "../x y", graph_id: "agent", metadata: {}, config: {} } },
  { method: "DELETE", path: "/assistants/{id}", destructive: true },
  { method: "POST", path: "/assistants/{id}/versions", base: { limit: 10, metadata: {} } },
  { method: "POST", path: "/assistants/{id}/latest", base: { version: 999 } },
  { method: "GET", path: "/assistants/{id}/graph?xray=sometimes" },
  { method: "GET", path: "/assistants/{id}/schemas" },
  { method: "GET", path: "/assistants/{id}/subgraphs?recurse=maybe" },
  { method: "PUT", path: "/store/items", base: { namespace: ["fuzz"], key: "k", value: { a: 1 } } },
  { method: "GET", path: "/store/items?key=k" },
  { method: "GET", path: "/store/items?namespace=a.b&key=" },
  { method: "DELETE", path: "/store/items", base: { namespace: ["fuzz"], key: "k" } },
  { method: "POST", path: "/store/items/search", base: { namespace_prefix: ["fuzz"], filter: {}, limit: 10, offset: 0, query: "q" } },
  { method: "POST", path: "/store/namespaces", base: { prefix: ["fuzz"], suffix: [], max_depth: 2, limit: 10, offset: 0 } },
  { method: "GET", path: "/switchyard/workspace" },
  { method: "GET", path: "/switchyard/graphs/{id}" },
  { method: "PUT", path: "/switchyard/graphs/{id}", base: { version: 1, name: "fuzz", state: { fields: {} }, nodes: [], edges: [] }, destructive: true },
  { method: "POST", path: "/switchyard/graphs", base: { name: "fuzz-new", doc: { version: 1 } } },
  { method: "POST", path: "/switchyard/graphs/{id}/rename", base: { to: "../elsewhere" }, destructive: true },
  { method: "POST", path: "/switchyard/graphs/{id}/duplicate", base: { to: "../x y" } },
  { method: "DELETE", path: "/switchyard/graphs/{id}", destructive: true },
  { method: "POST", path: "/switchyard/validate", base: { doc: { version: 1, nodes: "x" } } },
  { method: "POST", path: "/switchyard/export", base: { graph: "agent", language: "cobol" } },
  { method: "GET", path: "/switchyard/tests/{id}" },
  { method: "PUT", path: "/switchyard/tests/{id}", base: { tests: [{ name: 3 }] }, destructive: true },
  { method: "POST", path: "/switchyard/tests/{id}/run", base: { names: [42] } },
  { method: "POST", path: "/switchyard/tests/{id}/from-thread", base: { thread_id: "bogus", name: "" } },
  { method: "GET", path: "/switchyard/settings" },
  { method: "PUT", path: "/switchyard/settings", base: { providers: { openai: { apiKey: 42 } } } },
  { method: "POST", path: "/switchyard/preflight", base: { graph: "nope" } },
  { method: "GET", path: "/info" },
  { method: "GET", path: "/ok" },
];

/** JSON text nested `levels` deep, built as text (JSON.stringify of it would overflow the test's own stack). */
function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}"bottom"${"}".repeat(levels)}`;
}

const WRONG_VALUES: unknown[] = [42, -1, 1.5, "x", "", true, null, [], [1, "two", null], {}, { nested: { wrong: [] } }];
/** Stands for the deep value inside a body; replaced by its text when the body is sent. */
const DEEP = "\u0000deep\u0000";
const DEEP_JSON = deepJson(10_000);
const HUGE = "x".repeat(2 * 1024 * 1024);

/** Bodies of every wrong shape, derived from a route's well-formed base. */
function mutations(base: Record<string, unknown> | undefined): Body[] {
  const bodies: Body[] = [undefined, "{}", "not json", "[1,2]", "42", '"text"', "null", { unknown_field: { x: 1 } }, { metadata: DEEP }, { big: HUGE }];
  if (!base) return bodies;
  bodies.push(base, { ...base, extra: "field" }, { ...base, metadata: DEEP }, { ...base, input: DEEP });
  for (const field of Object.keys(base)) {
    const { [field]: _dropped, ...missing } = base;
    bodies.push(missing);
    for (const wrong of WRONG_VALUES) bodies.push({ ...base, [field]: wrong });
    bodies.push({ ...base, [field]: DEEP });
  }
  return bodies;
}

const BAD_IDS = ["bogus", "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000", "a".repeat(300), "%00", "con"];

describe("every route under hostile input", () => {
  const live = servedWorkspace();
  const counts = new Map<number, number>();
  let paused: { threadId: string; runId: string; fingerprint: string };

  /** A body as the text sent: strings as they are, objects as JSON with the deep stand-in expanded. */
  function bodyText(body: Body): string | undefined {
    if (body === undefined || typeof body === "string") return body;
    return JSON.stringify(body).replaceAll(JSON.stringify(DEEP), DEEP_JSON);
  }

  async function send(method: string, path: string, body: Body) {
    const response = await live.request(method, path, bodyText(body), body === undefined ? {} : { "Content-Type": "application/json" }).catch((error: Error) => ({ status: -1, text: String(error), json: undefined }));
    counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
    return response;
  }

  async function fingerprint(threadId: string): Promise<string> {
    const thread = await live.request("GET", `/threads/${threadId}`);
    const state = await live.request("GET", `/threads/${threadId}/state`);
    const history = await live.request("POST", `/threads/${threadId}/history`, { limit: 50 });
    return JSON.stringify([thread.status, thread.json, state.status, state.json, history.status, history.json]);
  }

  async function pausedThread() {
    const created = await live.request("POST", "/threads", {});
    const threadId = created.json.thread_id as string;
    const run = await live.request("POST", `/threads/${threadId}/runs`, { assistant_id: "agent", input: SEED_INPUT });
    await live.request("GET", `/threads/${threadId}/runs/${run.json.run_id}/join`);
    const state = await live.request("GET", `/threads/${threadId}/state`);
    expect(state.json.next).toEqual(["ask_human"]);
    return { threadId, runId: run.json.run_id as string, fingerprint: await fingerprint(threadId) };
  }

  async function indexesAnswer() {
    for (const [method, path, body] of [
      ["POST", "/threads/search", {}],
      ["POST", "/assistants/search", {}],
      ["POST", "/store/items/search", {}],
      ["GET", `/threads/${paused.threadId}/runs`, undefined],
      ["GET", `/threads/${paused.threadId}/state`, undefined],
    ] as const) {
      const response = await live.request(method, path, body);
      expect(response.status, `${method} ${path} after hostile input: ${response.text.slice(0, 300)}`).toBe(200);
    }
  }

  beforeAll(async () => {
    paused = await pausedThread();
  });

  afterAll(() => {
    const table = [...counts.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(`route fuzz, responses by status: ${table.join(", ")}`);
  });

  /** The path ids to try: the paused thread (null stands for it, as it is replaced when a request changes it) and bad ids. */
  function pathVariants(route: Route): Array<{ thread: string | null; other: string }> {
    const threads: Array<string | null> = !route.path.includes("{thread}") ? [null] : route.destructive ? BAD_IDS : [null, ...BAD_IDS];
    const others = !route.path.includes("{id}") ? ["agent"] : route.destructive ? ["fuzz-scratch", ...BAD_IDS] : ["agent", "paused-run", ...BAD_IDS];
    return threads.flatMap((thread) => others.map((other) => ({ thread, other })));
  }

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}`, async () => {
      const bodies = route.method === "GET" || route.method === "DELETE" ? [undefined] : mutations(route.base);
      for (const { thread, other } of pathVariants(route)) {
        for (const body of bodies) {
          const onPaused = thread === null && route.path.includes("{thread}");
          const path = route.path
            .replace("{thread}", thread ?? paused.threadId)
            .replace("{run}", paused.runId)
            .replace("{id}", other === "paused-run" ? paused.runId : other);
          const response = await send(route.method, path, body);
          const what = `${route.method} ${path} with ${JSON.stringify(body)?.slice(0, 120)}`;
          expect(response.status, `${what}: no answer (${response.text.slice(0, 200)})`).not.toBe(-1);
          expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
          if (!onPaused) continue;
          if (response.status >= 400) {
            expect(await fingerprint(paused.threadId), `${what} was refused (${response.status}) but changed the paused thread`).toBe(paused.fingerprint);
          } else if (route.method !== "GET") {
            // Accepted: a legitimate change. Go on from a fresh paused thread.
            paused = await pausedThread();
          }
        }
      }
      await indexesAnswer();
    });
  }
});
