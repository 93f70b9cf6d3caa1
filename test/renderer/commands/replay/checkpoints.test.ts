import type { ThreadState } from "@langchain/langgraph-sdk";
import { branchOf, checkpointBefore, outputsOf } from "../../../../renderer/commands/replay/checkpoints";
import { parseLimitMb } from "../../../../renderer/commands/replay/recorded-calls";

const checkpoint = (id: string, parent: string | null, next: string[], writes: Record<string, unknown> | null = null, step = 0, tasks: Array<{ name: string; result?: unknown }> = []) =>
  ({ values: {}, next, tasks, metadata: { writes, step, source: "loop" }, created_at: null, checkpoint: { checkpoint_id: id }, parent_checkpoint: parent ? { checkpoint_id: parent } : null }) as unknown as ThreadState;

// c0 -> c1 (before first) -> c2 (first wrote, before second) -> c3 (second wrote); a branch c1 -> b2 -> b3.
const history = [
  checkpoint("b3", "b2", [], { second: { messages: ["branch"] } }, 3),
  checkpoint("b2", "c1", ["second"], { first: { messages: ["branch first"] } }, 2),
  checkpoint("c3", "c2", [], { second: { messages: ["main"] } }, 3),
  checkpoint("c2", "c1", ["second"], { first: { messages: ["main first"] } }, 2),
  checkpoint("c1", "c0", ["first"], null, 1),
  checkpoint("c0", null, ["__start__"], null, 0),
];

describe("replay checkpoints", () => {
  it("follows the head's branch only", () => {
    expect(branchOf(history, "c3").map((state) => state.checkpoint.checkpoint_id)).toEqual(["c3", "c2", "c1", "c0"]);
    expect(branchOf(history, "b3").map((state) => state.checkpoint.checkpoint_id)).toEqual(["b3", "b2", "c1", "c0"]);
  });

  it("re-run from a node starts at the newest checkpoint of the head's branch about to run it", () => {
    expect(checkpointBefore(history, "c3", "second")).toBe("c2");
    expect(checkpointBefore(history, "b3", "second")).toBe("b2");
    expect(checkpointBefore(history, "c3", "first")).toBe("c1");
    expect(checkpointBefore(history, "c3", "nowhere")).toBeNull();
  });

  it("lists what a node wrote, newest first: the outputs it can be pinned to", () => {
    expect(outputsOf(history, "first").map((output) => [output.checkpointId, output.step, output.update])).toEqual([
      ["b2", 2, { messages: ["branch first"] }],
      ["c2", 2, { messages: ["main first"] }],
    ]);
  });

  it("finds a node's output as its task's result on the checkpoint before (LangGraph without metadata writes)", () => {
    const withTasks = [
      checkpoint("d2", "d1", [], null, 2),
      checkpoint("d1", "d0", ["second"], null, 1, [{ name: "second", result: { messages: ["from the task"] } }]),
      checkpoint("d0", null, ["first"], null, 0, [{ name: "first", result: { messages: ["first's"] } }]),
    ];
    expect(outputsOf(withTasks, "second").map((output) => [output.checkpointId, output.update])).toEqual([["d2", { messages: ["from the task"] }]]);
    expect(outputsOf(withTasks, "first").map((output) => output.checkpointId)).toEqual(["d1"]);
  });

  it("a recording limit is a whole number of MB from 1 to 100000, checked before it is sent", () => {
    expect(parseLimitMb(" 64 ")).toBe(64);
    for (const typed of ["", "0", "1.5", "abc", "100001", "-3"]) expect(() => parseLimitMb(typed), typed).toThrow(/RecordingLimitError|not a size in MB/);
  });
});
