import { Annotation, END, MemorySaver, START, StateGraph, messagesStateReducer } from "@langchain/langgraph";
import { compileGraphDoc, InvalidGraphError } from "../../../main/engine";
import { graphsOf, researcherDoc, teamDoc } from "../../helpers/compose-docs";

const config = (thread: string) => ({ configurable: { thread_id: thread } });

/** The same shape written by hand: a compiled researcher StateGraph added as the team's `research` node. */
function handWrittenTeam(options: { approve?: boolean } = {}) {
  const Researcher = Annotation.Root({
    messages: Annotation<unknown[]>({ reducer: messagesStateReducer as never, default: () => [] }),
    topic: Annotation<string>(),
    notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    scratch: Annotation<string>(),
  });
  let researcher = new StateGraph(Researcher)
    .addNode("look", (state) => ({ scratch: `looked at ${state.topic}` }))
    .addNode("write", (state) => ({ notes: [state.scratch] }));
  if (options.approve) {
    researcher = researcher.addNode("approve", () => ({})).addEdge(START, "look").addEdge("look", "approve").addEdge("approve", "write") as typeof researcher;
  } else {
    researcher = researcher.addEdge(START, "look").addEdge("look", "write") as typeof researcher;
  }
  const child = researcher.compile({ interruptBefore: options.approve ? ["approve" as never] : [] });
  const Team = Annotation.Root({
    messages: Annotation<unknown[]>({ reducer: messagesStateReducer as never, default: () => [] }),
    topic: Annotation<string>(),
    notes: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    report: Annotation<string>(),
  });
  return new StateGraph(Team)
    .addNode("research", child)
    .addNode("sum_up", (state) => ({ report: JSON.stringify(state.notes) }))
    .addEdge(START, "research")
    .addEdge("research", "sum_up")
    .addEdge("sum_up", END)
    .compile({ checkpointer: new MemorySaver() });
}

async function updatesOf(graph: { stream: (input: unknown, options: never) => Promise<AsyncIterable<unknown>> }, input: unknown, thread: string, extra: Record<string, unknown> = {}) {
  const chunks: unknown[] = [];
  for await (const chunk of await graph.stream(input, { ...config(thread), streamMode: "updates", ...extra } as never)) chunks.push(chunk);
  return chunks;
}

async function nextOfHistory(graph: { getStateHistory: (config: never) => AsyncIterable<{ next: string[] }> }, thread: string) {
  const next: string[][] = [];
  for await (const snapshot of graph.getStateHistory(config(thread) as never)) next.push([...snapshot.next]);
  return next;
}

describe("subgraph nodes", () => {
  it("run the child graph as one node: same updates, checkpoints and final state as the hand-written graph", async () => {
    const ours = compileGraphDoc(teamDoc(), { checkpointer: new MemorySaver(), graphs: graphsOf(researcherDoc()) });
    const theirs = handWrittenTeam();
    const input = { topic: "tides", notes: ["before"] };
    const oursUpdates = await updatesOf(ours as never, input, "ours");
    expect(oursUpdates).toEqual(await updatesOf(theirs as never, input, "theirs"));
    // The child's own field (scratch) stays inside; the shared list comes back through the parent's reducer.
    expect((await ours.getState(config("ours"))).values).toEqual((await theirs.getState(config("theirs"))).values);
    expect(Object.keys((await ours.getState(config("ours"))).values)).not.toContain("scratch");
    expect(await nextOfHistory(ours as never, "ours")).toEqual(await nextOfHistory(theirs as never, "theirs"));
  });

  it("pauses the parent at a breakpoint inside the child, takes an update in the child's namespace and resumes inside", async () => {
    const ours = compileGraphDoc(teamDoc(), { checkpointer: new MemorySaver(), graphs: graphsOf(researcherDoc({ approve: true })) });
    const theirs = handWrittenTeam({ approve: true });
    for (const [graph, thread] of [[ours, "ours"], [theirs, "theirs"]] as const) {
      await updatesOf(graph as never, { topic: "tides" }, thread);
      const paused = await graph.getState(config(thread), { subgraphs: true });
      expect(paused.next).toEqual(["research"]);
      const inner = paused.tasks[0].state as { next: string[]; config: { configurable: Record<string, unknown> }; values: Record<string, unknown> };
      expect(inner.next).toEqual(["approve"]);
      expect(inner.values.scratch).toBe("looked at tides");
      expect(String(inner.config.configurable.checkpoint_ns)).toMatch(/^research:/);
      await graph.updateState(inner.config, { scratch: "approved tides" }, "approve");
      await updatesOf(graph as never, null, thread);
    }
    const done = await ours.getState(config("ours"));
    expect(done.next).toEqual([]);
    expect(done.values.notes).toEqual(["approved tides"]);
    expect(done.values).toEqual((await theirs.getState(config("theirs"))).values);
  });

  it("pauses at a node inside a subgraph named the way LangGraph's xray drawing names it", async () => {
    const graph = compileGraphDoc(teamDoc(), { checkpointer: new MemorySaver(), graphs: graphsOf(researcherDoc()), interruptsInside: { before: ["research:write"] } });
    await updatesOf(graph as never, { topic: "tides" }, "inside");
    const paused = await graph.getState(config("inside"), { subgraphs: true });
    expect(paused.next).toEqual(["research"]);
    expect((paused.tasks[0].state as { next: string[] }).next).toEqual(["write"]);
    await updatesOf(graph as never, null, "inside");
    expect((await graph.getState(config("inside"))).values.notes).toEqual(["looked at tides"]);
  });

  it("refuses to compile without the child graph, naming the missing graph", () => {
    expect(() => compileGraphDoc(teamDoc())).toThrow(InvalidGraphError);
    expect(() => compileGraphDoc(teamDoc())).toThrow(/runs graph "researcher", which is not in this workspace/);
  });
});
