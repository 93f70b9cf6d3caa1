import { Client } from "@langchain/langgraph-sdk";
import { makeCodeProject, PLATFORM_PROJECT_FIXTURE } from "./code-project";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

// A LangGraph.js project that uses what langgraph.json offers beyond graphs (http.app, ui), the
// SDK's getLogger(), a subgraph that pauses, and a graph factory: served by `serve --config`.
describe("a LangGraph.js project with http.app, ui, getLogger and subgraphs", () => {
  let project: ReturnType<typeof makeCodeProject>;
  let server: ServerProcess;
  let client: Client;
  let request: ReturnType<typeof http>;

  beforeAll(async () => {
    project = makeCodeProject(PLATFORM_PROJECT_FIXTURE);
    process.env.SWITCHYARD_TEST_TRUNCATE = "1";
    try {
      server = await startServerProcess(project.dir, ["--config", project.config]);
    } finally {
      delete process.env.SWITCHYARD_TEST_TRUNCATE;
    }
    client = new Client({ apiUrl: server.url });
    request = http(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  it("mounts the project's Hono app: its routes answer, its middleware wraps the API's routes too, its HTTPException keeps its status", async () => {
    const hello = await request("GET", "/trip/hello?name=Ana");
    expect(hello.json).toEqual({ hello: "Ana" });
    expect(hello.headers.get("x-trip-middleware")).toBe("yes");
    const info = await request("GET", "/info");
    expect(info.json).toMatchObject({ server: "switchyard" });
    expect(info.headers.get("x-trip-middleware")).toBe("yes");
    expect(await request("GET", "/info?closed")).toMatchObject({ status: 503, json: { closed: true } });
    expect(await request("GET", "/trip/refuse")).toMatchObject({ status: 418, text: "no coffee here" });
    expect((await request("GET", "/trip/nothing")).status).toBe(404);
  });

  it("lets a project route run a graph of the same server with new Client() (no URL)", async () => {
    const chat = await request("GET", "/trip/chat");
    expect(chat.status).toBe(200);
    expect(chat.json.messages.map((message: { content: string }) => message.content)).toEqual(["hi", "hello there"]);
  });

  it("POSTs a finished run to a webhook given as a path of this server", async () => {
    const values = await client.runs.wait(null, "chat", { input: { messages: [{ role: "human", content: "ping" }] }, webhook: "/trip/webhook" });
    expect((values as { messages: unknown[] }).messages).toHaveLength(2);
    await expect.poll(async () => (await request("GET", "/trip/webhook")).json.last, { interval: 100, timeout: 20_000 }).toMatchObject({
      status: "success",
      assistant_id: expect.any(String),
      run_id: expect.any(String),
      values: { messages: [{ content: "ping" }, { content: "hello there" }] },
    });
  });

  it("gives graphs the logger of getLogger() (registered before they load); lines name the node", async () => {
    await client.runs.wait(null, "trip", { input: { city: "Rome" }, interruptBefore: ["plan"] });
    await client.runs.wait(null, "trip", { input: { city: "Oslo" } });
    expect(server.output()).toContain(`graph log [info] planning a trip {"city":"Oslo","langgraph_node":"plan"}`);
  });

  it("bundles the ui components and serves them under /ui/NAME, as LangGraph's UI loader expects", async () => {
    const html = await client["~ui"].getComponent("trip-cards", "weather-card");
    const host = new URL(server.url).host;
    expect(html).toContain(`<script src="http://${host}/ui/trip-cards/entrypoint.js" onload='__LGUI_trip_cards.render("weather-card", "{{shadowRootId}}")'></script>`);
    const js = await request("GET", "/ui/trip-cards/entrypoint.js");
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(js.text).toContain(`globalThis[Symbol.for("LGUI_REQUIRE")]`);
    expect(js.text).toContain("Weather in");
    expect((await request("POST", "/ui/no-such-ui", { name: "x" })).status).toBe(404);
    expect((await request("GET", "/ui/trip-cards/..%2Flanggraph.json")).status).toBe(404);
  });

  it("answers schemas read from the graph's TypeScript types, config and context included, and subgraphs as {state, input, output, config}", { timeout: 300_000 }, async () => {
    const schemas = await client.assistants.getSchemas("trip");
    expect(schemas.state_schema).toMatchObject({ type: "object", properties: { city: { type: "string" }, season: { type: "string", enum: ["summer", "winter"] } } });
    expect(schemas.config_schema).toMatchObject({ type: "object", properties: { traveller: { type: "string" } } });
    expect(schemas.context_schema).toEqual(schemas.config_schema);
    const subgraphs = await client.assistants.getSubgraphs("trip");
    expect(Object.keys(subgraphs)).toEqual(["book"]);
    expect(Object.keys(subgraphs.book).sort()).toEqual(["config", "input", "output", "state"]);
    expect((subgraphs.book as unknown as Record<string, unknown>).state).toMatchObject({ properties: { city: { type: "string" }, hotel: { type: "string" } } });
  });

  it("streams debug checkpoints with the same checkpoint and parent_checkpoint refs history answers", async () => {
    const thread = await client.threads.create();
    const chunks = await gather(client.runs.stream(thread.thread_id, "trip", { input: { city: "Rome" }, streamMode: "debug" }));
    const payloads = chunks.filter((chunk) => chunk.event === "debug" && (chunk.data as any).type === "checkpoint").map((chunk) => (chunk.data as any).payload);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads[0].parent_checkpoint).toBeNull();
    expect(payloads.every((payload) => !("parentConfig" in payload))).toBe(true);
    const history = (await client.threads.getHistory(thread.thread_id, { limit: payloads.length })).reverse();
    expect(payloads.map((payload) => [payload.checkpoint, payload.parent_checkpoint])).toEqual(history.map((state) => [state.checkpoint, state.parent_checkpoint]));
  });

  it("shows where a paused subgraph task's state is, reads and updates it by that checkpoint_ns, and resumes with the change", async () => {
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "trip", { input: { city: "Rome" } });
    const state = await client.threads.getState(thread.thread_id);
    expect(state.next).toEqual(["book"]);
    expect(state.tasks).toHaveLength(1);
    expect(state.tasks[0].checkpoint).toEqual({ thread_id: thread.thread_id, checkpoint_ns: expect.stringMatching(/^book:/) });
    const deep = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    expect(deep.tasks[0].checkpoint).toBeNull();
    expect(deep.tasks[0].state).toMatchObject({ values: { city: "Rome", hotel: "Hotel in Rome" }, next: ["confirm"] });

    const subgraph = state.tasks[0].checkpoint!;
    await client.threads.updateState(thread.thread_id, { values: { hotel: "Villa Rosa" }, checkpoint: subgraph });
    const inner = await client.threads.getState<{ hotel: string }>(thread.thread_id, subgraph);
    expect(inner.values.hotel).toBe("Villa Rosa");
    expect(inner.next).toEqual(["confirm"]);
    const innerHistory = await client.threads.getHistory(thread.thread_id, { checkpoint: subgraph });
    expect(innerHistory[0].values).toMatchObject({ hotel: "Villa Rosa" });

    const done = await client.runs.wait(thread.thread_id, "trip", { input: null });
    expect(done).toMatchObject({ hotel: "Villa Rosa (confirmed)" });
  });

  it("copies a run's metadata into its checkpoints, so history filters by it", async () => {
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "chat", { input: { messages: [{ role: "human", content: "a" }] } });
    await client.runs.wait(thread.thread_id, "chat", { input: { messages: [{ role: "human", content: "b" }] }, metadata: { batch: "second" } });
    const all = await client.threads.getHistory(thread.thread_id);
    const second = await client.threads.getHistory(thread.thread_id, { metadata: { batch: "second" } });
    expect(second.length).toBeGreaterThan(0);
    expect(second.length).toBeLessThan(all.length);
    expect(second.every((checkpoint) => checkpoint.metadata?.batch === "second")).toBe(true);
  });

  it("keeps an after_seconds run pending until then, and a cancelled one shows interrupted as soon as cancel returns", async () => {
    const thread = await client.threads.create();
    const later = await client.runs.create(thread.thread_id, "chat", { input: { messages: [{ role: "human", content: "later" }] }, afterSeconds: 600 });
    expect((await client.runs.list(thread.thread_id, { status: "pending" })).map((run) => run.run_id)).toEqual([later.run_id]);
    await client.runs.cancel(thread.thread_id, later.run_id);
    expect((await client.runs.get(thread.thread_id, later.run_id)).status).toBe("interrupted");
    await client.runs.join(thread.thread_id, later.run_id);
    expect((await client.threads.getState(thread.thread_id)).values).toEqual({});
  });

  it("ends a messages + values stream as the Platform does: the last values, then the messages they complete", async () => {
    const chunks = await gather(client.runs.stream(null, "chat", { input: { messages: [{ role: "human", content: "hey", id: "m1" }] }, streamMode: ["messages", "values"] }));
    const events = chunks.map((chunk) => chunk.event);
    expect(events.at(-1)).toBe("messages/complete");
    expect(events.at(-2)).toBe("values");
    expect((chunks.at(-1)!.data as Array<{ content: string }>).map((message) => message.content)).toEqual(["hello there"]);
    expect(new Set(events)).toEqual(new Set(["metadata", "values", "messages/metadata", "messages/partial", "messages/complete"]));
  });

  it("accepts interrupt_before naming a subgraph's node, as the LangGraph.js server does, and logs that LangGraph stops only at the top graph's nodes", async () => {
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "trip", { input: { city: "Lima" }, interruptBefore: ["search"] });
    const deep = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    // The run went past "search" to the subgraph's own breakpoint before "confirm".
    expect(deep.tasks[0].state).toMatchObject({ values: { city: "Lima", hotel: "Hotel in Lima" }, next: ["confirm"] });
    expect(server.output()).toContain(`interrupt_before: "search" is a node of subgraph "book"`);
    await client.runs.wait(null, "trip", { input: { city: "Lima" }, interruptAfter: ["nowhere"] });
    expect(server.output()).toContain(`interrupt_after: no node of graph "trip" or of its subgraphs is named "nowhere"`);
  });

  it("checks as_node against the graph the thread's assistant builds, and still refuses a node found nowhere", async () => {
    const assistant = await client.assistants.create({ graphId: "shaped", config: { configurable: { step: "custom" } } });
    const thread = await client.threads.create({ graphId: "shaped" });
    await client.runs.wait(thread.thread_id, assistant.assistant_id, { input: { log: ["in"] } });
    await client.threads.updateState(thread.thread_id, { values: { log: ["edit"] }, asNode: "custom" });
    expect((await client.threads.getState(thread.thread_id)).values).toEqual({ log: ["in", "custom", "edit"] });
    await expect(client.threads.updateState(thread.thread_id, { values: { log: ["x"] }, asNode: "nowhere" })).rejects.toThrow(/as_node: unknown node .{1,3}nowhere.*nodes: custom/);
  });

  it("hands a run's x-* request headers to its graph in configurable, without storing them with the run, also after a project middleware read the body", async () => {
    const withHeader = new Client({ apiUrl: server.url, defaultHeaders: { "x-note": "from-header", "x-peek": "1" } });
    const thread = await withHeader.threads.create();
    expect(await withHeader.runs.wait(thread.thread_id, "shaped", { input: { log: [] } })).toEqual({ log: ["plain:from-header"] });
    const [run] = await client.runs.list(thread.thread_id);
    expect(JSON.stringify(run)).not.toContain("from-header");
    // The project's middleware read the body first; the API still got it.
    expect(server.output()).toContain("routes.ts peeked at a run of shaped");
  });

  it("answers an unknown assistant or thread in the path as the LangGraph.js server does (plain text), and as JSON to a client that asks for it", async () => {
    const unknown = "2b1c0e55-0000-4000-8000-000000000001";
    await expect(client.assistants.get(unknown)).rejects.toThrow(`HTTP 404: Assistant not found: no assistant or graph "${unknown}"`);
    await expect(client.threads.get(unknown)).rejects.toThrow(`HTTP 404: Thread with ID ${unknown} not found`);
    const json = await request("GET", `/assistants/${unknown}`, undefined, { Accept: "application/json" });
    expect(json).toMatchObject({ status: 404, json: { detail: expect.stringMatching(/^Assistant not found: .*known graphs: chat, shaped, trip/) } });
    await expect(client.runs.wait(null, "nope", { input: {} })).rejects.toThrow(/No assistant found for .{1,3}nope/);
  });

  it("offers POST /internal/truncate when SWITCHYARD_TEST_TRUNCATE=1, and lists no store namespace whose items are gone", async () => {
    await client.store.putItem(["trips", "drafts"], "a", { city: "Rome" });
    await client.store.deleteItem(["trips", "drafts"], "a");
    await client.store.putItem(["trips", "kept"], "b", { city: "Oslo" });
    expect((await client.store.listNamespaces()).namespaces).toEqual([["trips", "kept"]]);
    expect((await client.threads.search()).length).toBeGreaterThan(0);
    expect((await request("POST", "/internal/truncate", { threads: true, store: true })).json).toEqual({ ok: true });
    expect(await client.threads.search()).toEqual([]);
    expect((await client.store.listNamespaces()).namespaces).toEqual([]);
  });
});

describe("POST /internal/truncate without SWITCHYARD_TEST_TRUNCATE", () => {
  it("does not exist", async () => {
    const workspace = makeWorkspace();
    const server = await startServerProcess(workspace.dir);
    try {
      const threadId = (await http(server.url)("POST", "/threads", {})).json.thread_id;
      expect((await http(server.url)("POST", "/internal/truncate", { threads: true })).status).toBe(404);
      expect((await http(server.url)("GET", `/threads/${threadId}`)).status).toBe(200);
    } finally {
      await server.stop();
      workspace.remove();
    }
  });
});

async function gather<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
