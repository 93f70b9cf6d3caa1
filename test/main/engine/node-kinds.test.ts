import { MemorySaver, Command } from "@langchain/langgraph";
import type { BaseMessage } from "@langchain/core/messages";
import { compileGraphDoc, InvalidGraphError } from "../../../main/engine";
import type { GraphDoc } from "../../../shared/graph-doc";
import { loadSeedDoc } from "../../helpers/seed";

const config = (thread: string) => ({ configurable: { thread_id: thread } });

function counterDoc(): GraphDoc {
  return {
    version: 1,
    name: "counter",
    entry: "bump",
    state: {
      fields: {
        count: { type: "number", reducer: "sum" },
        log: { type: "list", reducer: "append" },
        meta: { type: "object", reducer: "merge" },
        route: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      { id: "bump", kind: "set", position: { x: 0, y: 0 }, config: { values: { count: "1", log: "[\"bumped {{state.count}}\"]", meta: "{\"by\":\"bump\"}" } } },
      { id: "decide", kind: "set", position: { x: 0, y: 0 }, config: { values: { route: "done" } } },
    ],
    edges: [
      { id: "bump-decide", source: "bump", target: "decide" },
      { id: "decide-bump", source: "decide", target: "bump", order: 0, when: { type: "field-equals", field: "route", value: "again" } },
      { id: "decide-end", source: "decide", target: "__end__", order: 1, when: { type: "otherwise" } },
    ],
  };
}

describe("engine node kinds and reducers", () => {
  it("applies sum, append, merge and replace reducers through set nodes", async () => {
    const graph = compileGraphDoc(counterDoc(), { checkpointer: new MemorySaver() });
    const result = await graph.invoke({ count: 41, meta: { start: true } }, config("reducers"));
    expect(result).toEqual({ count: 42, log: ["bumped 41"], meta: { start: true, by: "bump" }, route: "done" });
  });

  it("routes by field-equals rules, falling back to otherwise", async () => {
    const doc = counterDoc();
    doc.nodes[1] = { ...doc.nodes[1], kind: "set", config: { values: { route: "{{state.next_route}}" } } } as GraphDoc["nodes"][number];
    doc.state.fields.next_route = { type: "string", reducer: "replace" };
    const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver() });
    const steps: string[] = [];
    for await (const chunk of await graph.stream({ next_route: "done" }, { ...config("route"), streamMode: "updates" })) steps.push(Object.keys(chunk)[0]);
    expect(steps).toEqual(["bump", "decide"]);
  });

  it("resumes an interrupt()-mode human node with Command({resume}) as the answer to the pending ask", async () => {
    const doc = loadSeedDoc();
    const human = doc.nodes.find((node) => node.id === "ask_human")!;
    if (human.kind !== "human") throw new Error("seed changed");
    human.config.mode = "interrupt";
    human.breakpoint = undefined;
    const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver() });
    const chunks: Array<Record<string, unknown>> = [];
    for await (const chunk of await graph.stream({ messages: [{ role: "human", content: "weather?" }] }, { ...config("interrupt"), streamMode: "updates" })) chunks.push(chunk);
    const interrupt = chunks.at(-1)!.__interrupt__ as Array<{ value: { question: string; tool_call_id: string } }>;
    expect(interrupt[0].value.question).toBe("Let me ask where you are.");
    expect(interrupt[0].value.tool_call_id).toMatch(/^call_/);
    const result = await graph.invoke(new Command({ resume: "paris" }), config("interrupt"));
    const messages = result.messages as BaseMessage[];
    expect(messages.map((message) => message.getType())).toEqual(["human", "ai", "tool", "ai", "tool", "ai"]);
    expect(messages[2].content).toBe("paris");
    expect(String(messages.at(-1)!.content)).toContain("current weather in paris");
  });

  it("refuses to compile a graph with problems, listing them", () => {
    const doc = loadSeedDoc();
    doc.edges = doc.edges.filter((edge) => edge.id !== "agent-end");
    expect(() => compileGraphDoc(doc)).toThrow(InvalidGraphError);
    expect(() => compileGraphDoc(doc)).toThrow(/"agent" has conditional edges but no "otherwise" fallback/);
  });

  it("reuses the compiled graph for the same document and saver", () => {
    const saver = new MemorySaver();
    expect(compileGraphDoc(loadSeedDoc(), { checkpointer: saver })).toBe(compileGraphDoc(loadSeedDoc(), { checkpointer: saver }));
  });

  it("streams scripted tokens in messages mode", async () => {
    const graph = compileGraphDoc(loadSeedDoc(), { checkpointer: new MemorySaver() });
    const tokens: string[] = [];
    for await (const [chunk] of await graph.stream({ messages: [{ role: "human", content: "hi" }] }, { ...config("tokens"), streamMode: "messages" })) {
      tokens.push(String((chunk as BaseMessage).content));
    }
    expect(tokens.join("")).toContain("Let me ask where you are.");
    expect(tokens.length).toBeGreaterThan(3);
  });
});
