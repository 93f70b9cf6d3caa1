import { Annotation, Command, END, MemorySaver, START, Send, StateGraph, messagesStateReducer } from "@langchain/langgraph";
import { compileGraphDoc } from "../../../main/engine";
import { askTwiceDoc, forkDoc, mapperDoc } from "../../helpers/compose-docs";

const config = (thread: string) => ({ configurable: { thread_id: thread } });
type Streamable = { stream: (input: unknown, options: never) => Promise<AsyncIterable<unknown>> };
type WithHistory = { getStateHistory: (config: never) => AsyncIterable<{ next: string[] }> };

async function updatesOf(graph: Streamable, input: unknown, thread: string) {
  const chunks: unknown[] = [];
  for await (const chunk of await graph.stream(input, { ...config(thread), streamMode: "updates" } as never)) chunks.push(chunk);
  return chunks;
}

/** Each step's node updates, sorted inside a step: parallel tasks finish in any order. */
async function stepsOf(graph: Streamable, input: unknown, thread: string) {
  return (await updatesOf(graph, input, thread)).map((chunk) => JSON.stringify(chunk)).sort();
}

async function nextOfHistory(graph: WithHistory, thread: string) {
  const next: string[][] = [];
  for await (const snapshot of graph.getStateHistory(config(thread) as never)) next.push([...snapshot.next].sort());
  return next;
}

const Notes = Annotation.Root({ notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }) });

function handWrittenFork(join: boolean) {
  const note = (text: string) => () => ({ notes: [text] });
  const builder = new StateGraph(Notes)
    .addNode("split", note("split"))
    .addNode("a", note("a"))
    .addNode("a2", note("a2"))
    .addNode("b", note("b"))
    .addNode("merge", note("merge"))
    .addEdge(START, "split")
    .addEdge("split", "a")
    .addEdge("split", "b")
    .addEdge("a", "a2");
  if (join) builder.addEdge(["a2", "b"], "merge");
  else builder.addEdge("a2", "merge").addEdge("b", "merge");
  return builder.addEdge("merge", END).compile({ checkpointer: new MemorySaver() });
}

describe("parallel branches and joins", () => {
  it.each([true, false])("join %s: the same updates and checkpoints as the hand-written graph", async (join) => {
    const ours = compileGraphDoc(forkDoc(join), { checkpointer: new MemorySaver() });
    const theirs = handWrittenFork(join);
    expect(await stepsOf(ours as never, {}, "ours")).toEqual(await stepsOf(theirs as never, {}, "theirs"));
    expect(await nextOfHistory(ours as never, "ours")).toEqual(await nextOfHistory(theirs as never, "theirs"));
    const merges = ((await ours.getState(config("ours"))).values.notes as string[]).filter((note) => note === "merge");
    // Without the join the merge node runs once per arriving branch (after b, then after a2).
    expect(merges).toHaveLength(join ? 1 : 2);
  });
});

describe("for-each edges", () => {
  const Mapper = Annotation.Root({
    topics: Annotation<string[]>(),
    topic: Annotation<string>(),
    notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  });
  const handWritten = () =>
    new StateGraph(Mapper)
      .addNode("plan", () => ({ notes: ["plan"] }))
      .addNode("summarize", (state) => ({ notes: [`about ${state.topic}`] }))
      .addEdge(START, "plan")
      .addConditionalEdges("plan", (state) => state.topics.map((topic) => new Send("summarize", { ...state, topic })), ["summarize"])
      .addEdge("summarize", END)
      .compile({ checkpointer: new MemorySaver() });

  it("sends one task per item with the item under `as`, merging through the reducer like Send", async () => {
    const ours = compileGraphDoc(mapperDoc(), { checkpointer: new MemorySaver() });
    const theirs = handWritten();
    const input = { topics: ["tides", "moons", "comets"] };
    const oursSteps = await stepsOf(ours as never, input, "ours");
    expect(oursSteps).toEqual(await stepsOf(theirs as never, input, "theirs"));
    expect(oursSteps.filter((step) => step.includes("summarize"))).toHaveLength(3);
    expect(await nextOfHistory(ours as never, "ours")).toEqual(await nextOfHistory(theirs as never, "theirs"));
    expect([...((await ours.getState(config("ours"))).values.notes as string[])].sort()).toEqual(["about comets", "about moons", "about tides", "plan"]);
  });

  it("sends nothing for an empty list: the run ends after the source", async () => {
    const ours = compileGraphDoc(mapperDoc(), { checkpointer: new MemorySaver() });
    await updatesOf(ours as never, { topics: [] }, "empty");
    const state = await ours.getState(config("empty"));
    expect(state.next).toEqual([]);
    expect(state.values.notes).toEqual(["plan"]);
  });
});

describe("two human nodes paused in parallel branches", () => {
  it("pause with two pending interrupts, each answered separately; the join runs once both are answered", async () => {
    const graph = compileGraphDoc(askTwiceDoc(), { checkpointer: new MemorySaver() });
    await updatesOf(graph as never, { messages: [{ role: "human", content: "plan a trip" }] }, "two");
    const paused = await graph.getState(config("two"));
    expect([...paused.next].sort()).toEqual(["ask_city", "ask_day"]);
    const interrupts = paused.tasks.flatMap((task) => (task.interrupts ?? []).map((interrupt) => ({ task: task.name, id: interrupt.id!, value: interrupt.value })));
    expect(interrupts.map((interrupt) => (interrupt.value as { question: string }).question).sort()).toEqual(["Which city?", "Which day?"]);
    const city = interrupts.find((interrupt) => interrupt.task === "ask_city")!;
    const day = interrupts.find((interrupt) => interrupt.task === "ask_day")!;

    await updatesOf(graph as never, new Command({ resume: { [city.id]: "Lisbon" } }), "two");
    const half = await graph.getState(config("two"));
    expect(half.next).toEqual(["ask_day"]);
    // The answered task keeps its interrupt beside its result; the one still waiting has no result.
    const waiting = half.tasks.filter((task) => (task.interrupts ?? []).length > 0 && task.result === undefined);
    expect(waiting.map((task) => [task.name, task.interrupts[0].id])).toEqual([["ask_day", day.id]]);

    await updatesOf(graph as never, new Command({ resume: { [day.id]: "Sunday" } }), "two");
    const done = await graph.getState(config("two"));
    expect(done.next).toEqual([]);
    expect(done.values.notes).toEqual(["fork", "done"]);
    const answers = (done.values.messages as Array<{ content: string }>).map((message) => message.content);
    expect(answers).toEqual(["plan a trip", "Lisbon", "Sunday"]);
  });

  it("matches the hand-written graph's updates and checkpoints", async () => {
    const State = Annotation.Root({
      messages: Annotation<unknown[]>({ reducer: messagesStateReducer as never, default: () => [] }),
      notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    });
    const { interrupt } = await import("@langchain/langgraph");
    const { HumanMessage } = await import("@langchain/core/messages");
    const ask = (question: string) => () => ({ messages: [new HumanMessage({ content: String(interrupt({ question })) })] });
    const theirs = new StateGraph(State)
      .addNode("fork", () => ({ notes: ["fork"] }))
      .addNode("ask_city", ask("Which city?"))
      .addNode("ask_day", ask("Which day?"))
      .addNode("done", () => ({ notes: ["done"] }))
      .addEdge(START, "fork")
      .addEdge("fork", "ask_city")
      .addEdge("fork", "ask_day")
      .addEdge(["ask_city", "ask_day"], "done")
      .addEdge("done", END)
      .compile({ checkpointer: new MemorySaver() });
    const ours = compileGraphDoc(askTwiceDoc(), { checkpointer: new MemorySaver() });
    const run = async (graph: typeof ours | typeof theirs, thread: string) => {
      const steps = await stepsOf(graph as never, { messages: [{ role: "human", content: "go", id: "m0" }] }, thread);
      for (const [node, answer] of [["ask_city", "Lisbon"], ["ask_day", "Sunday"]]) {
        const state = await graph.getState(config(thread));
        const task = state.tasks.find((candidate) => candidate.name === node)!;
        steps.push(...(await stepsOf(graph as never, new Command({ resume: { [task.interrupts[0].id!]: answer } }), thread)));
      }
      return steps.map((step) => step.replace(/"id":"[^"]+"/g, '"id":"…"')).sort();
    };
    expect(await run(ours, "ours")).toEqual(await run(theirs, "theirs"));
    expect(await nextOfHistory(ours as never, "ours")).toEqual(await nextOfHistory(theirs as never, "theirs"));
  });
});
