import { makeCodeProject } from "./code-project";
import { http, servedWorkspace, startServerProcess, type ServerProcess } from "./server-process";

type Response = { status: number; json?: any; text: string };

// Issue 15.4 and 15.7: run input, commands and state updates are checked against the graph's
// state schema before anything is written; a refused one names its path and leaves the thread as
// it was (readable, same history, same status, no run recorded).
describe("input checked against the state schema", () => {
  const live = servedWorkspace();
  let threadId: string;
  let before: unknown;

  const snapshot = async () => ({
    state: (await live.request("GET", `/threads/${threadId}/state`)).json,
    history: (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json,
    runs: (await live.request("GET", `/threads/${threadId}/runs`)).json,
    status: (await live.request("GET", `/threads/${threadId}`)).json.status,
  });

  beforeAll(async () => {
    threadId = (await live.request("POST", "/threads", {})).json.thread_id;
    await live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] } });
    before = await snapshot();
  });
  afterEach(async () => expect(await snapshot()).toEqual(before));

  const run = (body: object) => live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", ...body });
  const stream = (body: object) => live.request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "agent", ...body });
  const update = (values: unknown) => live.request("POST", `/threads/${threadId}/state`, { values, as_node: "ask_human" });
  const bulk = (updates: object[]) => live.request("POST", `/threads/${threadId}/state/bulk`, { supersteps: [{ updates }] });

  const cases: Array<[string, () => Promise<Response>, number, RegExp]> = [
    ["messages that are a number", () => run({ input: { messages: 42 } }), 422, /^input\.messages: expected a message or a list of messages, got 42/],
    ["a message of an unknown type", () => run({ input: { messages: [{ type: "bogus", content: "x" }] } }), 422, /^input\.messages\[0\]\.type: expected human, ai, system, tool/],
    ["a message of an unknown role (streamed)", () => stream({ input: { messages: [{ role: "robot", content: "x" }] } }), 422, /^input\.messages\[0\]\.role: expected human, ai, system, tool/],
    ["a tool message without tool_call_id", () => run({ input: { messages: [{ type: "tool", content: "x" }] } }), 422, /^input\.messages\[0\]\.tool_call_id: required/],
    ["a message whose content is a number", () => run({ input: { messages: [{ type: "human", content: 7 }] } }), 422, /^input\.messages\[0\]\.content: expected text or a list of content blocks/],
    ["an input field the graph does not have", () => run({ input: { mood: "happy" } }), 422, /^input\.mood: no state field "mood" in graph "agent" \(fields: messages\)/],
    ["a command update that is not an object", () => run({ command: { update: "x" } }), 422, /^command\.update: expected an object of state fields/],
    ["a command update with a bad message", () => run({ command: { update: { messages: [{ type: "bogus" }] } } }), 422, /^command\.update\.messages\[0\]\.type: expected human/],
    ["a command update pair for an unknown field", () => run({ command: { update: [["mood", 1]] } }), 422, /^command\.update\[0\]\[1\]: no state field "mood"/],
    ["a command goto to an unknown node", () => run({ command: { goto: "nowhere" } }), 400, /^command\.goto: unknown node "nowhere"/],
    ["a run removing a message the thread does not have", () => run({ input: { messages: [{ type: "remove", id: "nope" }] } }), 422, /^input\.messages\[0\]\.id: no message with id "nope" in "messages" to remove/],
    ["a command update removing a message the thread does not have", () => run({ command: { update: { messages: [{ type: "remove", id: "nope" }] } } }), 422, /^command\.update\.messages\[0\]\.id: no message with id "nope"/],
    ["a state update removing a message the thread does not have", () => update({ messages: [{ type: "remove", id: "nope" }] }), 422, /^values\.messages\[0\]\.id: no message with id "nope"/],
    ["a state update with messages that are a number", () => update({ messages: 42 }), 422, /^values\.messages: expected a message or a list/],
    ["a state update list with a bad message", () => live.request("POST", `/threads/${threadId}/state`, { values: [{ messages: [{ type: "bogus" }] }], as_node: "ask_human" }), 422, /^values\[0\]\.messages\[0\]\.type: expected human/],
    ["a bulk update with an unknown field", () => bulk([{ values: { mood: "happy" }, as_node: "ask_human" }]), 422, /^supersteps\[0\]\.updates\[0\]\.values\.mood: no state field "mood"/],
    ["a bulk update with a bad message", () => bulk([{ values: { messages: [{ type: "bogus" }] }, as_node: "ask_human" }]), 422, /^supersteps\[0\]\.updates\[0\]\.values\.messages\[0\]\.type: expected human/],
    ["a bulk command goto to an unknown node", () => bulk([{ command: { goto: "nowhere" }, as_node: "ask_human" }]), 400, /^supersteps\[0\]\.updates\[0\]\.command\.goto: unknown node "nowhere"/],
    ["a bulk update with an unknown key", () => bulk([{ valuez: { messages: [] }, as_node: "ask_human" }]), 400, /^supersteps\[0\]\.updates\[0\]: Unrecognized key: "valuez"/],
    ["a bulk command with an unknown key", () => bulk([{ command: { updat: {} }, as_node: "ask_human" }]), 400, /^supersteps\[0\]\.updates\[0\]\.command: Unrecognized key: "updat"/],
  ];

  it.each(cases)("refuses %s, naming the path", async (_name, send, status, detail) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.json.detail).toMatch(detail);
  });

  it("refuses a value of the wrong type for a typed field (the counter's number)", async () => {
    const wrong = await live.request("POST", "/runs/wait", { assistant_id: "counter", input: { count: "five" } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.detail).toMatch(/^input\.count: expected a number to add, got "five"/);
  });

  it("a new thread made with bad supersteps is not made at all", async () => {
    const made = await live.request("POST", "/threads", { thread_id: "never-made", metadata: { graph_id: "agent" }, supersteps: [{ updates: [{ values: { messages: 42 }, as_node: "__input__" }] }] });
    expect(made.status).toBe(422);
    expect((await live.request("GET", "/threads/never-made")).status).toBe(404);
  });

  it("still removes a message the thread has", async () => {
    const { json: thread } = await live.request("POST", "/threads", {});
    await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ type: "human", content: "hi", id: "first" }] } });
    const removed = await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ type: "remove", id: "first" }, { type: "human", content: "again", id: "second" }] } });
    expect(removed.status).toBe(200);
    const ids = removed.json.messages.map((message: any) => message.id);
    expect(ids).not.toContain("first");
    expect(ids).toContain("second");
  });

  it("still takes every message form the messages reducer accepts", async () => {
    const { json: thread } = await live.request("POST", "/threads", {});
    const forms = ["a plain string", ["user", "a [role, content] pair"], { role: "user", content: "a role object" }, { type: "human", content: [{ type: "text", text: "content blocks" }] }];
    const response = await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: forms } });
    expect(response.status).toBe(200);
    expect(response.json.messages.slice(0, 4).map((message: any) => message.type)).toEqual(["human", "human", "human", "human"]);
  });
});

describe("input checked for a code graph", () => {
  let server: ServerProcess;
  let project: ReturnType<typeof makeCodeProject>;
  let request: ReturnType<typeof http>;

  beforeAll(async () => {
    project = makeCodeProject();
    server = await startServerProcess(project.dir, ["--config", project.config]);
    request = http(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  it("refuses a bad message on a channel with LangGraph's messages reducer, and leaves the rest to the graph", async () => {
    const { json: thread } = await request("POST", "/threads", {});
    const bad = await request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ type: "bogus", content: "x" }] } });
    expect(bad.status).toBe(422);
    expect(bad.json.detail).toMatch(/^input\.messages\[0\]\.type: expected human, ai, system, tool/);
    expect((await request("GET", `/threads/${thread.thread_id}/runs`)).json).toEqual([]);
    // A key the graph has no channel for is LangGraph's to ignore, as it does: not refused here.
    const good = await request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "weather?" }], extra: 1 } });
    expect(good.status).toBe(200);
    expect(good.json.messages.at(-1).content).toMatch(/^The weather in San Francisco/);
  });
});
