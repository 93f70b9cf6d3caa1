import { servedWorkspace } from "./server-process";

/** `{"a": {"a": ... 1}}`, as text: `levels` objects inside each other. */
function nested(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{"a":1}${"}".repeat(levels - 1)}`;
}

const DEEP = nested(10_000);
const LIMIT = /nested deeper than 100 levels/;

// Issue 15, item 2: a deep body is refused before anything is written, and the indexes stay readable.
describe("a body nested 10,000 levels deep", () => {
  const live = servedWorkspace();
  let threadId: string;
  let assistantId: string;

  beforeAll(async () => {
    threadId = (await live.request("POST", "/threads", { metadata: { owner: "deep-test" } })).json.thread_id;
    assistantId = (await live.request("POST", "/assistants", { graph_id: "agent", name: "mine" })).json.assistant_id;
    await live.request("PUT", "/store/items", { namespace: ["notes"], key: "k1", value: { text: "kept" } });
    await live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, interrupt_before: ["ask_human"] });
  });

  const routes: Array<[string, string, () => string, (deep: string) => string]> = [
    ["POST", "/threads metadata", () => "/threads", (deep) => `{"metadata":${deep}}`],
    ["PATCH", "/threads/{id} metadata", () => `/threads/${threadId}`, (deep) => `{"metadata":${deep}}`],
    ["PATCH", "/assistants/{id} metadata", () => `/assistants/${assistantId}`, (deep) => `{"metadata":${deep}}`],
    ["PUT", "/store/items value", () => "/store/items", (deep) => `{"namespace":["notes"],"key":"k2","value":${deep}}`],
    ["POST", "/threads/{id}/runs/wait input", () => `/threads/${threadId}/runs/wait`, (deep) => `{"assistant_id":"agent","input":{"messages":[],"x":${deep}},"multitask_strategy":"enqueue"}`],
    ["POST", "/threads/{id}/runs metadata", () => `/threads/${threadId}/runs`, (deep) => `{"assistant_id":"agent","input":null,"metadata":${deep}}`],
    ["POST", "/runs/wait metadata (no thread)", () => "/runs/wait", (deep) => `{"assistant_id":"agent","input":{"messages":[]},"metadata":${deep}}`],
    ["POST", "/threads/{id}/state values", () => `/threads/${threadId}/state`, (deep) => `{"values":{"messages":[${deep}]}}`],
  ];

  it.each(routes)("%s %s: 400 naming the limit, nothing changed", async (method, _what, path, body) => {
    const threadBefore = (await live.request("GET", `/threads/${threadId}`)).json;
    const response = await live.request(method, path(), body(DEEP));
    expect(response.status).toBe(400);
    expect(response.json.detail).toMatch(LIMIT);
    expect((await live.request("GET", `/threads/${threadId}`)).json).toEqual(threadBefore);
  });

  it("keeps answering the list routes with 200 afterwards", async () => {
    const threads = await live.request("POST", "/threads/search", { limit: 100 });
    expect(threads.status).toBe(200);
    expect(threads.json.map((thread: { metadata: Record<string, unknown> }) => thread.metadata.owner)).toContain("deep-test");
    const assistants = await live.request("POST", "/assistants/search", { limit: 100 });
    expect(assistants.status).toBe(200);
    expect(assistants.json.map((assistant: { name: string }) => assistant.name)).toContain("mine");
    const items = await live.request("POST", "/store/items/search", { namespace_prefix: ["notes"] });
    expect(items.status).toBe(200);
    expect(items.json.items.map((item: { key: string }) => item.key)).toEqual(["k1"]);
    const runs = await live.request("GET", `/threads/${threadId}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.json).toHaveLength(1);
    expect((await live.request("GET", `/threads/${threadId}/state`)).status).toBe(200);
  });

  it("accepts a body right at the limit and refuses one level more", async () => {
    // The route's own object is the first level: metadata holds 99 more.
    const atLimit = await live.request("POST", "/threads", `{"metadata":${nested(99)}}`);
    expect(atLimit.status).toBe(200);
    const beyond = await live.request("POST", "/threads", `{"metadata":${nested(100)}}`);
    expect(beyond.status).toBe(400);
    expect(beyond.json.detail).toMatch(LIMIT);
    // Brackets inside strings are text, not nesting.
    const inString = await live.request("POST", "/threads", { metadata: { note: "[".repeat(500) + "{".repeat(500) } });
    expect(inString.status).toBe(200);
  });
});
