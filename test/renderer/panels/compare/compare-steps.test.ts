import type { ThreadState } from "@langchain/langgraph-sdk";
import { alignSteps, changesBetween, stepsTo } from "../../../../renderer/panels/compare/compare-steps";

const msg = (type: string, content: string, id: string) => ({ type, content, id });
type Task = { name: string; result: unknown };

/** A checkpoint as LangGraph.js's history shows it: no `writes`; its tasks (with their result once run) say what ran from it. */
const checkpoint = (id: string, parent: string | null, source: string, step: number, values: Record<string, unknown>, tasks: Task[] = []): ThreadState =>
  ({ values, next: tasks.map((task) => task.name), tasks, metadata: { source, step }, created_at: null, checkpoint: { checkpoint_id: id }, parent_checkpoint: parent ? { checkpoint_id: parent } : null }) as unknown as ThreadState;

const go = msg("human", "go", "m0");
const where = msg("ai", "where?", "m2");
// c0 input -> c1 (agent runs) -> c2 (ask_human next) -> c3 edit (Paris) -> c4 agent (sunny); c5 forks from c2 with another edit (Rome) -> c6 agent (rainy).
const history = [
  checkpoint("c6", "c5", "loop", 4, { messages: [go, where, msg("human", "Rome", "m5"), msg("ai", "rainy", "m6")] }),
  checkpoint("c5", "c2", "update", 3, { messages: [go, where, msg("human", "Rome", "m5")] }, [{ name: "agent", result: { messages: [msg("ai", "rainy", "m6")] } }]),
  checkpoint("c4", "c3", "loop", 4, { messages: [go, where, msg("human", "Paris", "m3"), msg("ai", "sunny", "m4")] }),
  checkpoint("c3", "c2", "update", 3, { messages: [go, where, msg("human", "Paris", "m3")] }, [{ name: "agent", result: { messages: [msg("ai", "sunny", "m4")] } }]),
  checkpoint("c2", "c1", "loop", 1, { messages: [go, where] }, [{ name: "ask_human", result: null }]),
  checkpoint("c1", "c0", "loop", 0, { messages: [go] }, [{ name: "agent", result: { messages: [where] } }]),
  checkpoint("c0", null, "input", -1, {}, [{ name: "__start__", result: { messages: [go] } }]),
];

describe("compare: step sequences", () => {
  it("follows a checkpoint's own branch back to the input: who ran (the parent's finished tasks) and what they wrote", () => {
    expect(stepsTo(history, "c4").map((step) => [step.kind, step.node, step.checkpointId])).toEqual([
      ["input", "input", "c0"],
      ["node", "agent", "c2"],
      ["edit", "state", "c3"],
      ["node", "agent", "c4"],
    ]);
    expect(stepsTo(history, "c4")[2]!.update).toEqual({ messages: [msg("human", "Paris", "m3")] });
    expect(stepsTo(history, "c4")[3]!.update).toEqual({ messages: [msg("ai", "sunny", "m4")] });
    expect(stepsTo(history, "c6").map((step) => step.checkpointId)).toEqual(["c0", "c2", "c5", "c6"]);
  });

  it("marks the first step where two branches differ (the edit), and every differing step after it", () => {
    const rows = alignSteps(stepsTo(history, "c4"), stepsTo(history, "c6"));
    expect(rows.map((row) => [row.same, row.divergesHere])).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it("two threads that ran the same steps (own ids) are the same; a longer run's extra steps differ", () => {
    const renamed = JSON.parse(JSON.stringify(history).replaceAll('"checkpoint_id":"c', '"checkpoint_id":"xc').replaceAll('"id":"m', '"id":"other-m')) as ThreadState[];
    const rows = alignSteps(stepsTo(history, "c3"), stepsTo(renamed, "xc4"));
    expect(rows.map((row) => [row.same, row.divergesHere, row.a?.node ?? null, row.b?.node ?? null])).toEqual([
      [true, false, "input", "input"],
      [true, false, "agent", "agent"],
      [true, false, "state", "state"],
      [false, true, null, "agent"],
    ]);
  });

  it("reads `writes` where a server still keeps them in the metadata", () => {
    const withWrites = [
      { ...checkpoint("w1", "w0", "loop", 0, { n: 2 }), metadata: { source: "loop", step: 0, writes: { double: { n: 2 } } } },
      checkpoint("w0", null, "input", -1, { n: 1 }, [{ name: "__start__", result: { n: 1 } }]),
    ] as ThreadState[];
    expect(stepsTo(withWrites, "w1").map((step) => [step.node, step.update])).toEqual([
      ["input", { n: 1 }],
      ["double", { n: 2 }],
    ]);
  });

  it("what changed between two checkpoints: replaced fields, and the messages a list gained", () => {
    expect(changesBetween({ n: 1, same: "x", messages: [go] }, { n: 2, same: "x", messages: [go, where] })).toEqual({ n: 2, messages: [where] });
  });
});
