import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { makeCodeProject } from "./code-project";
import { http, parseSse, startServerProcess, type ServerProcess } from "./server-process";

// Issue 11: a LangGraph.js code project served with `switchyard serve --config langgraph.json`,
// driven by the official SDK over real HTTP.
describe("serve --config: a LangGraph.js code project", () => {
  let server: ServerProcess;
  let project: ReturnType<typeof makeCodeProject>;
  let client: Client;

  beforeAll(async () => {
    project = makeCodeProject();
    server = await startServerProcess(project.dir, ["--config", project.config]);
    client = new Client({ apiUrl: server.url });
  });
  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  async function collect(stream: AsyncIterable<{ event: string; data: unknown }>) {
    const parts: Array<{ event: string; data: any }> = [];
    for await (const part of stream) if (part.event !== "metadata") parts.push({ event: part.event, data: part.data });
    return parts;
  }

  it("serves every graph of langgraph.json; broken ones carry their error (file, line) and the others work", async () => {
    const assistants = await client.assistants.search({ limit: 20 });
    expect(assistants.map((assistant) => assistant.graph_id).sort()).toEqual(["agent", "broken", "factory", "missing_export", "missing_file", "review"]);
    const broken = assistants.find((assistant) => assistant.graph_id === "broken")!;
    expect(broken.metadata).toMatchObject({ created_by: "system", graph_file: "src/broken.ts", graph_error: { message: expect.stringContaining("broken on purpose"), file: join(project.dir, "src/broken.ts"), line: 6 } });
    const missingExport = assistants.find((assistant) => assistant.graph_id === "missing_export")!;
    expect(missingExport.metadata?.graph_error).toMatchObject({ message: 'the module has no export "nope" (it exports: graph)' });
    expect(assistants.find((assistant) => assistant.graph_id === "missing_file")!.metadata?.graph_error).toMatchObject({ message: expect.stringContaining("no such file") });

    const thread = await client.threads.create();
    await expect(client.runs.wait(thread.thread_id, "broken", { input: {} })).rejects.toThrow(/broken on purpose/);

    const workspace = (await http(server.url)("GET", "/switchyard/workspace")).json;
    expect(workspace.project).toMatchObject({ config_file: project.config, dir: project.dir });
    const agent = workspace.graphs.find((graph: { name: string }) => graph.name === "agent");
    expect(agent).toMatchObject({ source: "code", valid: true, file: "src/agent.ts", code: { file: "src/agent.ts", export: "graph", spec: "./src/agent.ts:graph", kind: "compiled", version: 1 } });
    expect(workspace.graphs.find((graph: { name: string }) => graph.name === "broken")).toMatchObject({ valid: false, code: { error: { line: 6 } } });
  });

  it("runs the tool-calling agent (env from .env), streaming updates and messages-tuple", async () => {
    const thread = await client.threads.create();
    const parts = await collect(
      client.runs.stream(thread.thread_id, "agent", { input: { messages: [{ role: "human", content: "weather?" }] }, streamMode: ["updates", "messages-tuple"] }),
    );
    const updates = parts.filter((part) => part.event === "updates").map((part) => Object.keys(part.data)[0]);
    expect(updates).toEqual(["agent", "tools", "agent"]);
    const messages = parts.filter((part) => part.event === "messages");
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages[0].data[1]).toMatchObject({ langgraph_node: "agent" });
    const state = await client.threads.getState<{ messages: Array<{ content: string; type: string }> }>(thread.thread_id);
    expect(state.values.messages.at(-1)).toMatchObject({ type: "ai", content: "The weather in San Francisco: San Francisco: sunny and 21 degrees" });
    const history = await client.threads.getHistory(thread.thread_id, { limit: 2 });
    expect(history[0].metadata).toMatchObject({ graph_id: "agent", source: "loop" });
  });

  it("streams LangChain events (stream mode events) next to the modes asked for", async () => {
    const parts = await collect(client.runs.stream(null, "agent", { input: { messages: [{ role: "human", content: "weather?" }] }, streamMode: ["events", "values"] }));
    const events = parts.filter((part) => part.event === "events").map((part) => part.data.event);
    expect(events).toContain("on_chain_start");
    expect(events).toContain("on_chat_model_start");
    expect(events).toContain("on_tool_end");
    expect(parts.filter((part) => part.event === "values").at(-1)!.data.messages).toHaveLength(4);
  });

  it("pauses at interrupt(), resumes with a command, passes context into the subgraph, streams subgraphs, and writes the store", async () => {
    const thread = await client.threads.create();
    const first = await collect(client.runs.stream(thread.thread_id, "review", { input: {}, streamMode: "updates", context: { salutation: "Hi" } }));
    expect(first).toEqual([{ event: "updates", data: { __interrupt__: [{ id: expect.any(String), value: "What is your name?" }] } }]);
    expect((await client.threads.get(thread.thread_id)).status).toBe("interrupted");

    const second = await collect(client.runs.stream(thread.thread_id, "review", { command: { resume: "Ada" }, streamMode: "updates", streamSubgraphs: true, context: { salutation: "Hi" } }));
    const events = second.map((part) => part.event.replace(/:[0-9a-f-]+$/, ":<task>"));
    expect(events).toEqual(["updates", "updates|greet:<task>", "updates|greet:<task>", "updates", "updates"]);
    expect(second[2].data).toEqual({ punctuate: { greeting: "Hi, Ada!" } });
    expect(second.at(-1)!.data).toEqual({ remember: { visits: 1 } });

    const item = await client.store.getItem(["visits"], "Ada");
    expect(item).toMatchObject({ namespace: ["visits"], key: "Ada", value: { count: 1 } });
  });

  it("answers a paused interrupt() by updating the state as a node, then continues", async () => {
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "review", { input: {} });
    await expect(client.threads.updateState(thread.thread_id, { values: { name: "Dee" }, asNode: "nope" })).rejects.toThrow(/as_node: unknown node/);
    await client.threads.updateState(thread.thread_id, { values: { name: "Dee" }, asNode: "ask_name" });
    expect((await client.threads.getState(thread.thread_id)).next).toEqual(["greet"]);
    const done = (await client.runs.wait(thread.thread_id, "review", { input: null })) as Record<string, unknown>;
    expect(done).toMatchObject({ name: "Dee", greeting: "Hello, Dee!", visits: 1 });
  });

  it("creates, updates, versions, counts and deletes assistants; an assistant's context reaches its runs", async () => {
    const created = await client.assistants.create({ graphId: "review", name: "howdy", context: { salutation: "Howdy" }, metadata: { team: "a" } });
    expect(created).toMatchObject({ graph_id: "review", name: "howdy", version: 1, context: { salutation: "Howdy" } });
    expect(await client.assistants.count({ graphId: "review" })).toBe(2);

    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, created.assistant_id, { input: {} });
    const done = (await client.runs.wait(thread.thread_id, created.assistant_id, { command: { resume: "Bo" } })) as Record<string, unknown>;
    expect(done).toMatchObject({ greeting: "Howdy, Bo!", visits: 1 });
    const runs = await client.runs.list(thread.thread_id);
    expect(runs[0].assistant_id).toBe(created.assistant_id);

    const updated = await client.assistants.update(created.assistant_id, { context: { salutation: "Ahoy" } });
    expect(updated).toMatchObject({ version: 2, context: { salutation: "Ahoy" }, metadata: { team: "a" } });
    const versions = await client.assistants.getVersions(created.assistant_id);
    expect(versions.map((version) => [version.version, version.context])).toEqual([
      [2, { salutation: "Ahoy" }],
      [1, { salutation: "Howdy" }],
    ]);
    const restored = await client.assistants.setLatest(created.assistant_id, 1);
    expect(restored).toMatchObject({ version: 1, context: { salutation: "Howdy" } });
    expect((await client.assistants.get(created.assistant_id)).version).toBe(1);

    await client.assistants.delete(created.assistant_id);
    await expect(client.assistants.get(created.assistant_id)).rejects.toThrow(/404|No assistant/);
    expect(await client.assistants.count({ graphId: "review" })).toBe(1);
  });

  // Annotation.Root state is read from the TypeScript types (as the dev server does): a compiler run, slow on a busy machine.
  it("answers schemas, subgraphs and an xray graph for a code graph", { timeout: 300_000 }, async () => {
    const schemas = await client.assistants.getSchemas("review");
    expect(Object.keys((schemas.state_schema as any).properties)).toEqual(["name", "greeting", "visits"]);
    expect((schemas.context_schema as any).properties).toHaveProperty("salutation");
    const subgraphs = await client.assistants.getSubgraphs("review");
    expect(Object.keys(subgraphs)).toEqual(["greet"]);
    const graph = await client.assistants.getGraph("review", { xray: true });
    expect(graph.nodes.map((node) => node.id)).toEqual(["__start__", "ask_name", "greet:compose", "greet:punctuate", "remember", "__end__"]);
    const agent = await client.assistants.getSchemas("agent");
    expect(Object.keys((agent.state_schema as any).properties)).toEqual(["messages"]);
  });

  it("makes a factory graph per run from the run's config", async () => {
    const values = (await client.runs.wait(null, "factory", { input: { text: "hey" }, config: { configurable: { suffix: "?!" } } })) as Record<string, unknown>;
    expect(values).toEqual({ text: "HEY?!" });
  });

  it("applies batched state updates (supersteps) when a thread is created", async () => {
    const thread = await client.threads.create({
      graphId: "review",
      supersteps: [{ updates: [{ values: {}, asNode: "__input__" }] }, { updates: [{ values: { name: "Cy" }, asNode: "ask_name" }] }],
    });
    const state = await client.threads.getState<{ name: string }>(thread.thread_id);
    expect(state.values.name).toBe("Cy");
    expect(state.next).toEqual(["greet"]);
    const history = await client.threads.getHistory(thread.thread_id);
    expect(history.length).toBeGreaterThanOrEqual(2);

    // The same on an existing thread: POST /threads/{id}/state/bulk {supersteps}.
    const bulk = await http(server.url)("POST", `/threads/${thread.thread_id}/state/bulk`, { supersteps: [{ updates: [{ values: { greeting: "Yo, Cy!" }, as_node: "greet" }] }] });
    expect(bulk.status).toBe(200);
    expect(bulk.json.checkpoint).toMatchObject({ thread_id: thread.thread_id, checkpoint_id: expect.any(String) });
    const after = await client.threads.getState<{ greeting: string }>(thread.thread_id);
    expect(after.values.greeting).toBe("Yo, Cy!");
    expect(after.next).toEqual(["remember"]);
  });

  it("replays a run's frames after Last-Event-ID when a client joins again", async () => {
    const thread = await client.threads.create();
    const run = await client.runs.create(thread.thread_id, "agent", { input: { messages: [{ role: "human", content: "weather?" }] }, streamMode: ["updates"] });
    await client.runs.join(thread.thread_id, run.run_id);
    const all = parseSse((await http(server.url)("GET", `/threads/${thread.thread_id}/runs/${run.run_id}/stream`)).text);
    expect(all.map((frame) => frame.id)).toEqual(["0", "1", "2", "3"]);
    const rest = parseSse((await http(server.url)("GET", `/threads/${thread.thread_id}/runs/${run.run_id}/stream`, undefined, { "Last-Event-ID": "1" })).text);
    expect(rest).toEqual(all.slice(2));
    const joined = await collect(client.runs.joinStream(thread.thread_id, run.run_id, { lastEventId: "2" }));
    expect(joined.map((part) => Object.keys(part.data)[0])).toEqual(["agent"]);
    const joinedThread = await collect(client.threads.joinStream(thread.thread_id, { lastEventId: "1" }));
    expect(joinedThread.map((part) => Object.keys(part.data)[0])).toEqual(["tools", "agent"]);
  });

  it("keeps items with the Store API: put, get, search, list namespaces, delete", async () => {
    await client.store.putItem(["notes", "u1"], "a", { text: "alpha", kind: "x" });
    await client.store.putItem(["notes", "u1"], "b", { text: "beta", kind: "y" });
    await client.store.putItem(["notes", "u2"], "c", { text: "gamma", kind: "x" });
    const found = await client.store.searchItems(["notes"], { filter: { kind: "x" } });
    expect(found.items.map((item) => item.key).sort()).toEqual(["a", "c"]);
    const namespaces = await client.store.listNamespaces({ prefix: ["notes"] });
    expect(namespaces.namespaces).toEqual([
      ["notes", "u1"],
      ["notes", "u2"],
    ]);
    await client.store.deleteItem(["notes", "u1"], "a");
    expect(await client.store.getItem(["notes", "u1"], "a")).toBeNull();
    expect((await client.store.getItem(["notes", "u1"], "b"))?.value).toEqual({ text: "beta", kind: "y" });
  });

  it("reloads a graph when its source changes, keeping threads", async () => {
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "factory", { input: { text: "a" } });
    const file = join(project.dir, "src/factory.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('?? "!"', '?? "!!!"'));
    const request = http(server.url);
    await expect.poll(async () => (await request("GET", "/switchyard/workspace")).json.graphs.find((graph: { name: string }) => graph.name === "factory").code.version, { timeout: 10_000 }).toBeGreaterThan(1);
    const values = (await client.runs.wait(thread.thread_id, "factory", { input: { text: "b" } })) as Record<string, unknown>;
    expect(values).toEqual({ text: "B!!!" });
    const history = await client.threads.getHistory(thread.thread_id, { limit: 10 });
    expect(history.some((state) => (state.values as { text?: string }).text === "A!")).toBe(true);
  });
});
