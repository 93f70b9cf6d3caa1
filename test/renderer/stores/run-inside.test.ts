import type { ThreadState } from "@langchain/langgraph-sdk";
import { applyFrame, emptyRun, settleRun, type RunState } from "../../../renderer/stores/run-store";
import { insideLabelOf } from "../../../renderer/stores/run-inside-label";
import { frameNamespace, namespacePath, runningPathOf } from "../../../renderer/stores/run-inside";

const fresh = (): RunState => ({ ...emptyRun(), threadId: "t1", graphName: "supervisor", status: "running" });
const play = (frames: [string, unknown][], start = fresh()): RunState => frames.reduce<RunState>((state, [event, data]) => ({ ...state, ...applyFrame(state, event, data, 1000) }), start);
const start = (id: string, name: string): [string, unknown] => ["tasks", { id, name, input: {} }];
const done = (id: string, name: string): [string, unknown] => ["tasks", { id, name, result: {}, error: null, interrupts: [] }];
const inner = (namespace: string, frame: [string, unknown]): [string, unknown] => [`${frame[0]}|${namespace}`, frame[1]];

describe("run store: inside subgraphs (streamSubgraphs frames)", () => {
  it("names a frame's namespace and the node path it runs through", () => {
    expect(frameNamespace("tasks|research:abc|inner:def")).toEqual({ mode: "tasks", namespace: "research:abc|inner:def" });
    expect(frameNamespace("updates")).toEqual({ mode: "updates", namespace: "" });
    expect(namespacePath("research:abc|inner:def")).toEqual(["research", "inner"]);
  });

  it("lights the inner node running at its path, and the subgraph node says which: research > search", () => {
    const running = play([start("p1", "plan"), done("p1", "plan"), start("r1", "research"), inner("research:r1", start("s1", "searcher")), inner("research:r1", done("s1", "searcher")), inner("research:r1", start("s2", "search"))]);
    expect(running.nodeStatus).toEqual({ plan: "done", research: "running" });
    expect(running.inside.research.nodeStatus).toEqual({ searcher: "done", search: "running" });
    expect(running.inside.research.visited).toEqual(["searcher"]);
    expect(runningPathOf(running.inside, "research")).toBe("research > search");
    expect(insideLabelOf(running, "research")).toEqual({ label: "research > search", status: "running" });
    // The inner steps are in the run's steps, named by path; the parent's edges are not touched by inner frames.
    expect(running.steps.map((step) => step.node)).toEqual(["plan", "research", "research > searcher", "research > search"]);
    expect(running.edgeOrder).toEqual({ "__start__>plan": [1], "plan>research": [2] });
  });

  it("streams the tokens of a model inside a subgraph", () => {
    const state = play([start("r1", "research"), inner("research:r1", start("s1", "searcher")), ["messages|research:r1", [{ type: "AIMessageChunk", content: "Sear" }, { langgraph_node: "searcher" }]], ["messages|research:r1", [{ type: "AIMessageChunk", content: "ching" }, { langgraph_node: "searcher" }]]]);
    expect(state.streaming).toEqual({ node: "searcher", text: "Searching" });
  });

  it("follows a running node down nested subgraphs", () => {
    const state = play([start("r1", "research"), inner("research:r1", start("d1", "deep")), inner("research:r1|deep:d1", start("x", "look"))]);
    expect(runningPathOf(state.inside, "research")).toBe("research > deep > look");
  });

  it("numbers edges by superstep: a fork's branches share a number, a join's incoming edges too", () => {
    const state = play([
      start("1", "split"),
      done("1", "split"),
      start("2", "a"),
      start("3", "b"),
      done("2", "a"),
      done("3", "b"),
      start("4", "a2"),
      done("4", "a2"),
      start("5", "merge"),
    ]);
    expect(state.edgeOrder["split>a"]).toEqual([2]);
    expect(state.edgeOrder["split>b"]).toEqual([2]);
    // a2 starts in superstep 3, its sources are a and b (b has no edge to a2: the canvas draws only edges that exist).
    expect(state.edgeOrder["a>a2"]).toEqual([3]);
    expect(state.edgeOrder["a2>merge"]).toEqual([4]);
    expect(state.nodeStatus).toEqual({ split: "done", a: "done", b: "done", a2: "done", merge: "running" });
  });

  it("a for-each fan-out keeps each task's status on its edge", () => {
    const state = play([start("1", "plan"), done("1", "plan"), start("t1", "summarize"), start("t2", "summarize"), start("t3", "summarize"), done("t1", "summarize"), ["tasks", { id: "t2", name: "summarize", result: null, error: { message: "boom" }, interrupts: [] }]]);
    expect(state.fanOut["plan>summarize"]).toEqual({ t1: "done", t2: "error", t3: "running" });
    expect(state.edgeOrder["plan>summarize"]).toEqual([2]);
  });

  it("a pause inside a subgraph names the inner node and its checkpoint; the edge into the subgraph is not counted twice", () => {
    const ran = play([start("p1", "plan"), done("p1", "plan"), start("r1", "research"), start("q1", "quick"), done("q1", "quick"), inner("research:r1", start("s1", "take_notes")), inner("research:r1", done("s1", "take_notes"))]);
    const inside = { values: { draft: "notes" }, next: ["approve"], tasks: [{ id: "a1", name: "approve", interrupts: [], state: null }], checkpoint: { checkpoint_id: "c-in", checkpoint_ns: "research:r1" }, metadata: {} };
    const threadState = { values: {}, next: ["research"], tasks: [{ id: "r1", name: "research", error: null, interrupts: [], state: inside }], metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c1" }, parent_checkpoint: null } as unknown as ThreadState;
    const paused = { ...ran, ...settleRun(ran, threadState, []) };
    expect(paused.status).toBe("paused");
    expect(paused.pause).toEqual({ kind: "before", node: "research", inner: { path: ["research", "approve"], kind: "before", checkpoint: { checkpoint_ns: "research:r1", checkpoint_id: "c-in" }, values: { draft: "notes" } } });
    expect(paused.nodeStatus.research).toBe("paused");
    expect(paused.nodeStatus.quick).toBe("done");
    expect(paused.inside.research.nodeStatus).toEqual({ take_notes: "done", approve: "paused" });
    expect(paused.edgeOrder["plan>research"]).toEqual([2]);
    expect(paused.events.at(-1)?.text).toBe("Paused before research > approve");
    expect(insideLabelOf(paused, "research")).toEqual({ label: "research > approve", status: "paused" });
    // Continue (which clears paused marks): the subgraph task goes on in its superstep; the join after it has both branches as sources.
    // LangGraph announces quick again (its writes are saved, it does not run).
    const resumed = play([start("q1", "quick"), start("r1", "research"), done("r1", "research"), start("w1", "writer")], { ...paused, status: "running", nodeStatus: { plan: "done", quick: "done" } });
    expect(resumed.edgeOrder["plan>research"]).toEqual([2]);
    expect(resumed.edgeOrder["research>writer"]).toEqual([3]);
    expect(resumed.edgeOrder["quick>writer"]).toEqual([3]);
    expect(resumed.nodeStatus.quick).toBe("done");
    expect(resumed.edgeOrder["quick>quick"]).toBeUndefined();
  });

  it("keeps every interrupt pending at once, each by its id and node", () => {
    const ask = (id: string, name: string, question: string) => ({ id, name, error: null, interrupts: [{ id: `i-${name}`, value: { question } }], state: null });
    const threadState = { values: {}, next: ["ask_city", "ask_day"], tasks: [ask("1", "ask_city", "Which city?"), ask("2", "ask_day", "Which day?")], metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c1" }, parent_checkpoint: null } as unknown as ThreadState;
    const change = settleRun(fresh(), threadState, []);
    expect(change.interrupts).toEqual([
      { id: "i-ask_city", path: ["ask_city"], value: { question: "Which city?" } },
      { id: "i-ask_day", path: ["ask_day"], value: { question: "Which day?" } },
    ]);
    expect(change.nodeStatus).toEqual({ ask_city: "paused", ask_day: "paused" });
    expect(change.events?.at(-1)?.text).toBe(`Paused in ask_city: interrupt({"question":"Which city?"}) (and 1 more: ask_day)`);
  });
});
