import { Client } from "@langchain/langgraph-sdk";
import { makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

// Acceptance 1: the seed's JS flow ("wait for user input") with the official SDK, unchanged.
describe("the seed flow with @langchain/langgraph-sdk", () => {
  let server: ServerProcess;
  let workspace: ReturnType<typeof makeWorkspace>;

  beforeAll(async () => {
    workspace = makeWorkspace();
    server = await startServerProcess(workspace.dir);
  });
  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
  });

  async function collect(stream: AsyncIterable<{ event: string; data: unknown }>) {
    const chunks: Array<Record<string, any>> = [];
    for await (const chunk of stream) {
      if (chunk.data && chunk.event !== "metadata") chunks.push(chunk.data as Record<string, any>);
    }
    return chunks;
  }

  it("pauses before ask_human, takes the answer as ask_human, and finishes with the weather", async () => {
    const client = new Client({ apiUrl: server.url });
    const assistantId = "agent";
    const thread = await client.threads.create();
    expect(thread.status).toBe("idle");

    const input = { messages: [{ role: "human", content: "Use the search tool to ask the user where they are, then look up the weather there" }] };
    const first = await collect(client.runs.stream(thread.thread_id, assistantId, { input, streamMode: "updates", interruptBefore: ["ask_human"] }));
    expect(first).toHaveLength(2);
    expect(first[0].agent.messages[0]).toMatchObject({ type: "ai", tool_calls: [{ name: "AskHuman", args: { question: "Where are you currently located?" } }] });
    expect(first[0].agent.messages[0].lc).toBeUndefined();
    expect(first[1]).toEqual({ __interrupt__: [] });

    const paused = await client.threads.get(thread.thread_id);
    expect(paused.status).toBe("interrupted");

    const state = await client.threads.getState(thread.thread_id);
    expect(state.next).toEqual(["ask_human"]);
    const messages = (state.values as any).messages;
    const toolCallId = messages[messages.length - 1].tool_calls[0].id;
    const toolMessage = [{ tool_call_id: toolCallId, type: "tool", content: "san francisco" }];
    const update = await client.threads.updateState(thread.thread_id, { values: { messages: toolMessage }, asNode: "ask_human" });
    expect((update as any).checkpoint).toMatchObject({ thread_id: thread.thread_id, checkpoint_ns: "", checkpoint_id: expect.any(String) });

    const second = await collect(client.runs.stream(thread.thread_id, assistantId, { input: null, streamMode: "updates" }));
    expect(second.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    expect(second[0].agent.messages[0].tool_calls[0]).toMatchObject({ name: "search", args: { query: "current weather in san francisco" } });
    expect(second[1].action.messages[0]).toMatchObject({ type: "tool", name: "search", tool_call_id: second[0].agent.messages[0].tool_calls[0].id });
    expect(second[1].action.messages[0].content).toContain("It's sunny in San Francisco");
    expect(second[2].agent.messages[0]).toMatchObject({ type: "ai", tool_calls: [] });
    expect(second[2].agent.messages[0].content).toContain("sunny in San Francisco");

    const done = await client.threads.get(thread.thread_id);
    expect(done.status).toBe("idle");
    const history = await client.threads.getHistory(thread.thread_id, { limit: 3 });
    expect(history).toHaveLength(3);
    expect(history[0].next).toEqual([]);
    expect(history[0].metadata).toMatchObject({ graph_id: "agent", assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca" });
  });

  it("finds the assistant by graph name and by uuid5, and lists it", async () => {
    const client = new Client({ apiUrl: server.url });
    const byName = await client.assistants.get("agent");
    const byId = await client.assistants.get("fe096781-5601-53d2-b2f6-0d3403f7e9ca");
    expect(byName).toEqual(byId);
    expect(byName).toMatchObject({ assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca", graph_id: "agent", metadata: { created_by: "system" } });
    const found = await client.assistants.search({ graphId: "agent" });
    expect(found.map((assistant) => assistant.graph_id)).toEqual(["agent"]);
    const graph = await client.assistants.getGraph("agent");
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: "agent", target: "ask_human", conditional: true }));
  });

  it("waits for a run and resumes an interrupt() with a command", async () => {
    const client = new Client({ apiUrl: server.url });
    const thread = await client.threads.create();
    const values = (await client.runs.wait(thread.thread_id, "agent", {
      input: { messages: [{ role: "human", content: "hi" }] },
      interruptBefore: ["ask_human"],
    })) as any;
    expect(values.messages.at(-1).tool_calls[0].name).toBe("AskHuman");
    const runs = await client.runs.list(thread.thread_id);
    expect(runs[0]).toMatchObject({ status: "success", assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca" });
  });
});
