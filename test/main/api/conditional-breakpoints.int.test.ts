import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { startServerProcess, type ServerProcess } from "./server-process";

/** A scripted model node "tick" that loops until it says "done": one, two, three done; `breakpoint` on tick. */
function loopGraph(name: string, breakpoint: Record<string, unknown>) {
  return {
    version: 1,
    name,
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [
      {
        id: "tick",
        kind: "llm",
        position: { x: 0, y: 0 },
        breakpoint,
        config: { provider: "scripted", replies: ["one", "two", "three done"].map((content, index) => ({ when: { type: "turn", index }, content })) },
      },
    ],
    edges: [
      { id: "done", source: "tick", target: "__end__", order: 0, when: { type: "last-message-contains", text: "done" } },
      { id: "again", source: "tick", target: "tick", order: 1, when: { type: "otherwise" } },
    ],
    entry: "tick",
  };
}

const rule = { type: "last-message-contains", text: "two" };

// Conditional breakpoints (issue 20) through the HTTP API with the official SDK: the pause is a real interrupt.
describe("conditional breakpoints over the LangGraph API", () => {
  let server: ServerProcess;
  let dir: string;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-bp-"));
    writeFileSync(join(dir, "ruled.graph.json"), JSON.stringify(loopGraph("ruled", { when: rule })));
    writeFileSync(join(dir, "third.graph.json"), JSON.stringify(loopGraph("third", { hitCount: 3 })));
    writeFileSync(join(dir, "never.graph.json"), JSON.stringify(loopGraph("never", { when: { type: "last-message-contains", text: "seven" } })));
    server = await startServerProcess(dir);
    client = new Client({ apiUrl: server.url });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(threadId: string, graph: string, options: { input?: unknown; command?: { resume: unknown } }) {
    const events: Array<{ event: string; data: any }> = [];
    for await (const chunk of client.runs.stream(threadId, graph, { ...options, streamMode: "updates" } as never)) events.push(chunk as { event: string; data: any });
    return events;
  }
  const said = (values: any) => (values.messages as Array<{ type: string; content: string }>).filter((message) => message.type === "ai").map((message) => message.content);

  async function pausesOf(graph: string) {
    const thread = await client.threads.create({ graphId: graph });
    const pauses: Array<{ said: string[]; value: unknown; streamed: unknown }> = [];
    let options: { input?: unknown; command?: { resume: unknown } } = { input: { messages: [{ role: "human", content: "go" }] } };
    for (let round = 0; round < 5; round++) {
      const events = await run(thread.thread_id, graph, options);
      const state = await client.threads.getState(thread.thread_id);
      const interrupts = state.tasks.flatMap((task) => task.interrupts ?? []);
      if (interrupts.length === 0) break;
      expect((await client.threads.get(thread.thread_id)).status).toBe("interrupted");
      expect(state.next).toEqual(["tick"]);
      const streamed = events.find((event) => event.event === "updates" && event.data.__interrupt__)?.data.__interrupt__[0].value;
      pauses.push({ said: said(state.values), value: interrupts[0]!.value, streamed });
      options = { command: { resume: true } };
    }
    const final = await client.threads.getState(thread.thread_id);
    expect((await client.threads.get(thread.thread_id)).status).toBe("idle");
    return { pauses, said: said(final.values) };
  }

  it("pauses with interrupt() exactly when the rule holds, the SDK sees it, and Command({resume}) goes on", async () => {
    const { pauses, said } = await pausesOf("ruled");
    const payload = { breakpoint: "tick", hit: 1, condition: rule };
    expect(pauses).toEqual([{ said: ["one", "two"], value: payload, streamed: payload }]);
    expect(said).toEqual(["one", "two", "three done"]);
  });

  it("never pauses when the rule never holds", async () => {
    const { pauses, said } = await pausesOf("never");
    expect(pauses).toEqual([]);
    expect(said).toEqual(["one", "two", "three done"]);
  });

  it("with a hit count, pauses the 3rd time the node runs and only then", async () => {
    const { pauses, said } = await pausesOf("third");
    expect(pauses).toEqual([{ said: ["one", "two"], value: { breakpoint: "tick", hit: 3 }, streamed: { breakpoint: "tick", hit: 3 } }]);
    expect(said).toEqual(["one", "two", "three done"]);
  });
});
