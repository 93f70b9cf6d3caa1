import { parseSse, servedWorkspace } from "./server-process";

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

// Acceptance 2: the seed's curl commands, byte for byte in shape, with the SSE text parsed by hand.
describe("the seed flow with plain HTTP (the seed's curl commands)", () => {
  const live = servedWorkspace();

  it("runs the whole flow, with the state update in the seed's top-level form", async () => {
    const thread = await live.request("POST", "/threads", "{}");
    expect(thread.status).toBe(200);
    expect(thread.json).toMatchObject({ thread_id: expect.any(String), metadata: {}, status: "idle", config: {} });
    const id = thread.json.thread_id;

    const first = await live.request("POST", `/threads/${id}/runs/stream`, {
      assistant_id: "agent",
      input: { messages: [{ role: "human", content: QUESTION }] },
      interrupt_before: ["ask_human"],
      stream_mode: ["updates"],
    });
    expect(first.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(first.text);
    expect(events[0]).toMatchObject({ event: "metadata", data: { run_id: expect.any(String), attempt: 1 }, id: "0" });
    expect(events.slice(1).map((event) => event.event)).toEqual(["updates", "updates"]);
    expect(events[1].id).toBe("1");
    expect((events[1].data as any).agent.messages[0].tool_calls[0].name).toBe("AskHuman");
    expect(events[2].data).toEqual({ __interrupt__: [] });

    const paused = await live.request("GET", `/threads/${id}`);
    expect(paused.json.status).toBe("interrupted");
    expect(Object.values(paused.json.interrupts)).toEqual([[]]);

    const state = await live.request("GET", `/threads/${id}/state`);
    const toolCallId = state.json.values.messages.at(-1).tool_calls[0].id;
    const update = await live.request("POST", `/threads/${id}/state`, `{"messages": [{"tool_call_id": "${toolCallId}", "type": "tool", "content": "san francisco"}], "as_node": "ask_human"}`);
    expect(update.status).toBe(200);
    expect(update.json).toEqual({ checkpoint: { thread_id: id, checkpoint_ns: "", checkpoint_id: expect.any(String) } });

    const second = await live.request("POST", `/threads/${id}/runs/stream`, { assistant_id: "agent", stream_mode: ["updates"] });
    const data = parseSse(second.text).filter((event) => event.event !== "metadata").map((event) => event.data as Record<string, any>);
    expect(data.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    expect(data[1].action.messages[0].content).toContain("It's sunny in San Francisco");
    expect(data[2].agent.messages[0].content).toMatch(/^Based on the search results/);
  });

  it("streams values, tasks, checkpoints, debug and messages-tuple frames", async () => {
    const { json: thread } = await live.request("POST", "/threads", {});
    const response = await live.request("POST", `/threads/${thread.thread_id}/runs/stream`, {
      assistant_id: "agent",
      input: { messages: [{ role: "human", content: "hi" }] },
      stream_mode: ["values", "tasks", "checkpoints", "debug", "messages-tuple", "messages"],
    });
    const events = parseSse(response.text);
    const kinds = new Set(events.map((event) => event.event));
    for (const kind of ["metadata", "values", "tasks", "checkpoints", "debug", "messages", "messages/partial", "messages/complete", "messages/metadata"]) expect(kinds).toContain(kind);
    const task = events.find((event) => event.event === "tasks" && (event.data as any).name === "agent")!;
    expect(task.data).toMatchObject({ id: expect.any(String), name: "agent", triggers: expect.any(Array) });
    const tuple = events.find((event) => event.event === "messages")!.data as [any, any];
    expect(tuple[0]).toMatchObject({ type: "AIMessageChunk" });
    expect(tuple[1]).toMatchObject({ langgraph_node: "agent" });
    const values = events.filter((event) => event.event === "values" && "messages" in (event.data as object)).at(-1)!.data as any;
    expect(events.filter((event) => event.event === "values").at(-1)!.data).toEqual({ __interrupt__: [] });
    expect(values.messages.map((message: any) => message.type)).toEqual(["human", "ai"]);
    expect(JSON.stringify(events)).not.toContain('"lc":1');
  });

  it("re-runs from a past checkpoint (a fork) and keeps the original history", async () => {
    const { json: thread } = await live.request("POST", "/threads", {});
    await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, interrupt_before: ["ask_human"] });
    const history = (await live.request("POST", `/threads/${thread.thread_id}/history`, { limit: 10 })).json;
    const beforeAgent = history.find((state: any) => state.next[0] === "agent");
    const fork = await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: null, checkpoint_id: beforeAgent.checkpoint.checkpoint_id, interrupt_before: ["ask_human"] });
    expect(fork.status).toBe(200);
    const after = (await live.request("POST", `/threads/${thread.thread_id}/history`, { limit: 10 })).json;
    // LangGraph writes a "fork" checkpoint on top of the chosen one, then runs from there.
    const forkPoint = after.find((state: any) => state.checkpoint.checkpoint_id === after[0].parent_checkpoint.checkpoint_id);
    expect(forkPoint.metadata.source).toBe("fork");
    expect(forkPoint.parent_checkpoint.checkpoint_id).toBe(beforeAgent.checkpoint.checkpoint_id);
    expect(after[0].next).toEqual(["ask_human"]);
    expect(after).toHaveLength(history.length + 2);
  });

  it("answers an interrupt() node through a command resume", async () => {
    const graph = (await live.request("GET", "/switchyard/graphs/agent")).json.doc;
    const askHuman = graph.nodes.find((node: any) => node.id === "ask_human");
    askHuman.config.mode = "interrupt";
    delete askHuman.breakpoint;
    expect((await live.request("POST", "/switchyard/graphs", { name: "agent_interrupt", doc: { ...graph, name: "agent_interrupt" } })).status).toBe(201);

    const { json: thread } = await live.request("POST", "/threads", {});
    const first = parseSse((await live.request("POST", `/threads/${thread.thread_id}/runs/stream`, { assistant_id: "agent_interrupt", input: { messages: [{ role: "human", content: "hi" }] }, stream_mode: "updates" })).text);
    const interrupt = first.at(-1)!.data as any;
    expect(interrupt.__interrupt__[0]).toMatchObject({ value: { question: "Let me ask where you are.", tool_call_id: expect.any(String) }, id: expect.any(String) });
    const resumed = await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent_interrupt", command: { resume: "Paris" } });
    expect(resumed.json.messages.at(-1).content).toContain("sunny");
    expect(resumed.json.messages.find((message: any) => message.type === "tool").content).toBe("Paris");
  });
});
