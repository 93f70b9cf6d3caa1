import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { serializeGraphDoc } from "../../../shared/graph-serialize";
import { askTwiceDoc } from "../../helpers/compose-docs";
import { repoRoot } from "../../helpers/seed";
import { http, startServerProcess, type ServerProcess } from "./server-process";

// Issue 18 through the HTTP API with the official SDK: pausing, editing and resuming inside a subgraph.
describe("subgraphs over the LangGraph API", () => {
  let server: ServerProcess;
  let dir: string;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-compose-"));
    cpSync(join(repoRoot, "examples/research-team"), dir, { recursive: true });
    server = await startServerProcess(dir);
    client = new Client({ apiUrl: server.url });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function collect(stream: AsyncIterable<{ event: string; data: unknown }>) {
    const events: Array<{ event: string; data: any }> = [];
    for await (const chunk of stream) if (chunk.event !== "metadata") events.push(chunk as { event: string; data: any });
    return events;
  }

  const input = { messages: [{ role: "human", content: "Write a report on tides" }], topics: ["tides"] };

  it("streams the subgraph's updates, pauses inside it, takes the answer in its namespace and resumes inside", async () => {
    const thread = await client.threads.create();
    const first = await collect(client.runs.stream(thread.thread_id, "supervisor", { input, streamMode: "updates", streamSubgraphs: true }));
    const inner = first.filter((event) => event.event.startsWith("updates|research:"));
    expect(inner.map((event) => Object.keys(event.data)[0])).toEqual(["searcher", "search", "take_notes"]);
    expect((await client.threads.get(thread.thread_id)).status).toBe("interrupted");

    const paused = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    expect(paused.next).toEqual(["research"]);
    const task = paused.tasks[0] as unknown as { name: string; state: { next: string[]; values: Record<string, unknown>; checkpoint: { checkpoint_ns: string; checkpoint_id: string } } };
    expect(task.name).toBe("research");
    expect(task.state.next).toEqual(["approve"]);
    expect(task.state.values.draft).toBe("Three sources agree on tides.");
    const namespace = task.state.checkpoint.checkpoint_ns;
    expect(namespace).toMatch(/^research:/);

    // The checks of an update inside a subgraph are the subgraph's: its nodes and fields.
    await expect(client.threads.updateState(thread.thread_id, { values: { draft: "x" }, asNode: "writer", checkpoint: task.state.checkpoint as never })).rejects.toThrow(/HTTP 400.*unknown node \\"writer\\" in graph \\"researcher\\"/);
    await expect(client.threads.updateState(thread.thread_id, { values: { report: "x" }, asNode: "approve", checkpoint: task.state.checkpoint as never })).rejects.toThrow(/HTTP 422.*no state field \\"report\\" in graph \\"researcher\\"/);
    const update = await client.threads.updateState(thread.thread_id, { values: { draft: "Tides follow the moon." }, asNode: "approve", checkpoint: task.state.checkpoint as never });
    expect((update as any).checkpoint.checkpoint_ns).toBe(namespace);
    const edited = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    expect((edited.tasks[0] as any).state.next).toEqual(["keep"]);

    const second = await collect(client.runs.stream(thread.thread_id, "supervisor", { input: null, streamMode: "updates", streamSubgraphs: true }));
    expect(second.filter((event) => event.event.startsWith("updates|research:")).map((event) => Object.keys(event.data)[0])).toEqual(["keep"]);
    expect(second.filter((event) => event.event === "updates").map((event) => Object.keys(event.data)[0]).sort()).toEqual(["fan_out", "research", "search_news", "search_papers", "search_web", "writer"]);
    const done = await client.threads.getState(thread.thread_id);
    expect(done.next).toEqual([]);
    expect((done.values as any).findings[0]).toBe("tides: Tides follow the moon.");
    expect((done.values as any).draft).toBeUndefined();
  });

  it("pauses before a node inside a subgraph named in interrupt_before as LangGraph's xray names it", async () => {
    const thread = await client.threads.create();
    await collect(client.runs.stream(thread.thread_id, "supervisor", { input, streamMode: "updates", interruptBefore: ["research:search"] }));
    const paused = await client.threads.getState(thread.thread_id, undefined, { subgraphs: true });
    expect(paused.next).toEqual(["research"]);
    expect((paused.tasks[0] as any).state.next).toEqual(["search"]);
    await expect(collect(client.runs.stream(thread.thread_id, "supervisor", { input, interruptBefore: ["research:nowhere"] }))).rejects.toThrow(/HTTP 400.*unknown node \\"research:nowhere\\" in graph \\"supervisor\\"/);
  });

  it("shows two interrupts pending at once in parallel branches and takes each answer separately", async () => {
    writeFileSync(join(dir, "ask_twice.graph.json"), serializeGraphDoc(askTwiceDoc()));
    const thread = await client.threads.create();
    await collect(client.runs.stream(thread.thread_id, "ask_twice", { input: { messages: [{ role: "human", content: "plan a trip" }] }, streamMode: "updates" }));
    const paused = await client.threads.get(thread.thread_id);
    expect(paused.status).toBe("interrupted");
    const pending = Object.values(paused.interrupts).flat() as Array<{ id: string; value: { question: string } }>;
    expect(pending.map((interrupt) => interrupt.value.question).sort()).toEqual(["Which city?", "Which day?"]);
    const city = pending.find((interrupt) => interrupt.value.question === "Which city?")!;
    const day = pending.find((interrupt) => interrupt.value.question === "Which day?")!;

    await collect(client.runs.stream(thread.thread_id, "ask_twice", { command: { resume: { [city.id]: "Lisbon" } }, streamMode: "updates" }));
    const half = await client.threads.getState(thread.thread_id);
    expect(half.next).toEqual(["ask_day"]);
    expect((await client.threads.get(thread.thread_id)).status).toBe("interrupted");

    await collect(client.runs.stream(thread.thread_id, "ask_twice", { command: { resume: { [day.id]: "Sunday" } }, streamMode: "updates" }));
    const done = await client.threads.getState(thread.thread_id);
    expect(done.next).toEqual([]);
    expect((done.values as any).messages.map((message: { content: string }) => message.content)).toEqual(["plan a trip", "Lisbon", "Sunday"]);
    expect((done.values as any).notes).toEqual(["fork", "done"]);
  });

  it("refuses to run a graph whose subgraph is missing, naming it (422)", async () => {
    rmSync(join(dir, "researcher.graph.json"));
    const thread = await client.threads.create();
    await expect(collect(client.runs.stream(thread.thread_id, "supervisor", { input }))).rejects.toThrow(/HTTP 422.*runs graph \\"researcher\\", which is not in this workspace/);
    const { json: graph } = await http(server.url)("GET", "/switchyard/graphs/supervisor");
    const { json: validated } = await http(server.url)("POST", "/switchyard/validate", { doc: graph.doc });
    expect(validated.problems.map((problem: { message: string }) => problem.message)).toEqual([
      `subgraph node "research" runs graph "researcher", which is not in this workspace (no researcher.graph.json; graphs: ask_twice)`,
    ]);
  });
});
