import type { BaseMessage } from "@langchain/core/messages";
import { MemorySaver } from "@langchain/langgraph";
import { compileGraphDoc } from "../../../main/engine";
import { CodeMemoryError, CodeOutputError, CodeThrewError, CodeTimeoutError } from "../../../main/engine/sandbox/errors";
import { closeSandboxes } from "../../../main/engine/sandbox/sandbox";
import type { GraphDoc } from "../../../shared/graph-doc";
import { validateGraphDoc } from "../../../shared/graph-validate";

/** START -> prepare (set) -> calc (code) -> END, over a count and a messages field. */
function counterDoc(source: string, limits: { timeoutMs?: number; memoryMb?: number } = {}): GraphDoc {
  const result = validateGraphDoc({
    version: 1,
    name: "counter",
    entry: "prepare",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        count: { type: "number", reducer: "replace", default: 0 },
        notes: { type: "list", reducer: "append" },
      },
    },
    nodes: [
      { id: "prepare", kind: "set", config: { values: {} } },
      { id: "calc", kind: "code", config: { source, ...limits } },
    ],
    edges: [
      { id: "prepare-calc", source: "prepare", target: "calc" },
      { id: "calc-end", source: "calc", target: "__end__" },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

const thread = (id: string) => ({ configurable: { thread_id: id } });

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => new Error("the run did not fail"), (error: Error) => error);
}

/** The main process still runs graphs after a sandbox failure. */
async function stillHealthy() {
  const graph = compileGraphDoc(counterDoc("(s) => ({ count: s.count + 40, notes: 'ok' })"));
  expect(await graph.invoke({ count: 2 })).toMatchObject({ count: 42, notes: ["ok"] });
}

describe("the code node", () => {
  afterAll(() => closeSandboxes());

  it("has defaults: 1 s and 64 MB", () => {
    const node = counterDoc("(s) => ({})").nodes.find((candidate) => candidate.kind === "code")!;
    expect(node.config).toMatchObject({ timeoutMs: 1000, memoryMb: 64 });
  });

  it("applies the fields its function returns, through the state's reducers", async () => {
    const graph = compileGraphDoc(counterDoc("(state) => ({ count: state.count * 2, notes: ['doubled'], messages: [{ role: 'ai', content: 'echo: ' + state.messages.at(-1).content }] })"));
    const result = await graph.invoke({ count: 21, messages: [{ role: "human", content: "hi" }] });
    expect(result.count).toBe(42);
    expect(result.notes).toEqual(["doubled"]);
    const last = (result.messages as BaseMessage[]).at(-1)!;
    expect(last.getType()).toBe("ai");
    expect(last.content).toBe("echo: hi");
  });

  it("names the field when the output does not fit the state schema", async () => {
    const unknownField = await failureOf(compileGraphDoc(counterDoc("(s) => ({ cuont: 1 })")).invoke({}));
    expect(unknownField).toBeInstanceOf(CodeOutputError);
    expect(unknownField.message).toBe('code node "calc" returned field "cuont", which is not a state field (fields: messages, count, notes)');
    const wrongType = await failureOf(compileGraphDoc(counterDoc("(s) => ({ count: 'seven' })")).invoke({}));
    expect(wrongType.message).toBe('code node "calc" returned a string ("seven") for field "count": the field is a number');
    const notAnObject = await failureOf(compileGraphDoc(counterDoc("(s) => [1, 2]")).invoke({}));
    expect(notAnObject.message).toMatch(/must return an object of state fields/);
  });

  it("is killed at its time limit, and the thread resumes after the state or the graph is fixed", async () => {
    const saver = new MemorySaver();
    const looping = "(s) => { while (s.count < 0) {} return { count: s.count + 1 }; }";
    const graph = compileGraphDoc(counterDoc(looping, { timeoutMs: 300 }), { checkpointer: saver });

    const error = await failureOf(graph.invoke({ count: -1 }, thread("loop")));
    expect(error).toBeInstanceOf(CodeTimeoutError);
    expect(error.message).toBe('code node "calc" ran longer than its time limit of 300 ms and was stopped; look for an endless loop, or raise timeoutMs');
    expect((await graph.getState(thread("loop"))).next).toEqual(["calc"]);

    // Fix the state, then resume: the failed node runs again.
    await graph.updateState(thread("loop"), { count: 5 });
    expect((await graph.getState(thread("loop"))).next).toEqual(["calc"]);
    expect(await graph.invoke(null, thread("loop"))).toMatchObject({ count: 6 });

    // Or fix the graph, then resume the same thread.
    await failureOf(graph.invoke({ count: -1 }, thread("loop-2")));
    const fixed = compileGraphDoc(counterDoc("(s) => ({ count: Math.abs(s.count) * 10 })", { timeoutMs: 300 }), { checkpointer: saver });
    expect(await fixed.invoke(null, thread("loop-2"))).toMatchObject({ count: 10 });
    await stillHealthy();
  });

  it("is stopped at its memory cap", async () => {
    const bomb = "(s) => { const keep = []; while (true) keep.push(keep.length); }";
    const error = await failureOf(compileGraphDoc(counterDoc(bomb, { memoryMb: 16, timeoutMs: 10_000 })).invoke({}));
    expect(error).toBeInstanceOf(CodeMemoryError);
    expect(error.message).toMatch(/^code node "calc" used more than its memory cap of 16 MB/);
    await stillHealthy();
  });

  it.each([
    ["process", "(s) => ({ notes: [process.pid] })"],
    ["require", "(s) => ({ notes: [require('child_process').execSync('id').toString()] })"],
    ["the Function constructor", "(s) => ({ notes: [globalThis.constructor.constructor('return process')().pid] })"],
    ["import()", "async (s) => ({ notes: [Object.keys(await import('fs'))] })"],
  ])("cannot reach %s, and the main process stays healthy", async (_what, source) => {
    const error = await failureOf(compileGraphDoc(counterDoc(source)).invoke({}));
    expect(error).toBeInstanceOf(CodeThrewError);
    expect(error.message).toMatch(/^code node "calc" threw (ReferenceError|TypeError|SyntaxError|Error)/);
    await stillHealthy();
  });
});

describe("the code tool", () => {
  afterAll(() => closeSandboxes());

  it("runs (args) => result for a model's tool call", async () => {
    const result = validateGraphDoc({
      version: 1,
      name: "calculator",
      entry: "agent",
      state: { fields: { messages: { type: "messages", reducer: "messages" } } },
      nodes: [
        {
          id: "agent",
          kind: "llm",
          config: {
            provider: "scripted",
            tools: ["add", "stats"],
            replies: [
              { when: { type: "last-message-from", role: "tool" }, content: "The answer is {{last_message}}" },
              { content: "", toolCalls: [{ name: "add", args: { a: "2", b: "3" } }, { name: "stats", args: { text: "a bb ccc" } }] },
            ],
          },
        },
        {
          id: "action",
          kind: "tools",
          config: {
            tools: [
              { name: "add", kind: "code", args: [{ name: "a", type: "number" }, { name: "b", type: "number" }], source: "(args) => String(args.a + args.b)" },
              { name: "stats", kind: "code", args: [{ name: "text" }], source: "({ text }) => ({ words: text.split(' ').length })" },
            ],
          },
        },
      ],
      edges: [
        { id: "agent-action", source: "agent", target: "action", order: 0, when: { type: "has-tool-calls" } },
        { id: "agent-end", source: "agent", target: "__end__", order: 1, when: { type: "otherwise" } },
        { id: "action-agent", source: "action", target: "agent" },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const output = await compileGraphDoc(result.doc).invoke({ messages: [{ role: "human", content: "add 2 and 3" }] });
    const messages = output.messages as BaseMessage[];
    const toolResults = messages.filter((message) => message.getType() === "tool").map((message) => message.content);
    expect(toolResults).toEqual(["5", '{"words":3}']);
  });

  it("needs a source, as a mock tool needs a result", () => {
    const tools = (tool: Record<string, unknown>) =>
      validateGraphDoc({
        version: 1,
        name: "t",
        entry: "action",
        state: { fields: { messages: { type: "messages", reducer: "messages" } } },
        nodes: [{ id: "action", kind: "tools", config: { tools: [tool] } }],
        edges: [{ id: "e", source: "action", target: "__end__" }],
      });
    expect(tools({ name: "x", kind: "code" }).problems).toMatchObject([{ path: "nodes[0].config.tools[0].source", nodeId: "action" }]);
    expect(tools({ name: "x" }).problems).toMatchObject([{ path: "nodes[0].config.tools[0].result", nodeId: "action" }]);
  });
});
