import type { ThreadState } from "@langchain/langgraph-sdk";
import { alignSteps, stepsTo } from "../../../../renderer/panels/compare/compare-steps";

const checkpoint = (id: string, parent: string | null, metadata: Record<string, unknown>): ThreadState =>
  ({ values: {}, next: [], tasks: [], metadata, created_at: null, checkpoint: { checkpoint_id: id }, parent_checkpoint: parent ? { checkpoint_id: parent } : null }) as unknown as ThreadState;

const msg = (type: string, content: string, id: string) => ({ type, content, id });

// c0 input -> c1 loop -> c2 agent -> c3 edit as ask_human -> c4 agent (sunny); c5 forks from c2 with another edit -> c6 agent (rainy).
const history = [
  checkpoint("c6", "c5", { source: "loop", step: 4, writes: { agent: { messages: [msg("ai", "rainy", "m6")] } } }),
  checkpoint("c5", "c2", { source: "update", step: 3, writes: { ask_human: { messages: [msg("human", "Rome", "m5")] } } }),
  checkpoint("c4", "c3", { source: "loop", step: 4, writes: { agent: { messages: [msg("ai", "sunny", "m4")] } } }),
  checkpoint("c3", "c2", { source: "update", step: 3, writes: { ask_human: { messages: [msg("human", "Paris", "m3")] } } }),
  checkpoint("c2", "c1", { source: "loop", step: 1, writes: { agent: { messages: [msg("ai", "where?", "m2")] } } }),
  checkpoint("c1", "c0", { source: "loop", step: 0, writes: null }),
  checkpoint("c0", null, { source: "input", step: -1, writes: { __start__: { messages: [msg("human", "go", "m0")] } } }),
];

describe("compare: step sequences", () => {
  it("follows a checkpoint's own branch back to the input: the nodes that wrote, oldest first", () => {
    expect(stepsTo(history, "c4").map((step) => [step.kind, step.node, step.checkpointId])).toEqual([
      ["input", "input", "c0"],
      ["node", "agent", "c2"],
      ["edit", "ask_human", "c3"],
      ["node", "agent", "c4"],
    ]);
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
    const other = history.map((state) => ({ ...state, checkpoint: { checkpoint_id: `x${state.checkpoint.checkpoint_id}` }, parent_checkpoint: state.parent_checkpoint ? { checkpoint_id: `x${state.parent_checkpoint.checkpoint_id}` } : null })) as ThreadState[];
    const renamed = JSON.parse(JSON.stringify(other).replaceAll('"id":"m', '"id":"other-m')) as ThreadState[];
    const rows = alignSteps(stepsTo(history, "c3"), stepsTo(renamed, "xc4"));
    expect(rows.map((row) => [row.same, row.divergesHere, row.a?.node ?? null, row.b?.node ?? null])).toEqual([
      [true, false, "input", "input"],
      [true, false, "agent", "agent"],
      [true, false, "ask_human", "ask_human"],
      [false, true, null, "agent"],
    ]);
  });
});
