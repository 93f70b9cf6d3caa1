import { runBreakpointsOf } from "../../../../renderer/commands/run/breakpoints";
import { ranNodes, runFromPath } from "../../../../renderer/commands/run/replay-path";
import { timelineRows } from "../../../../renderer/panels/timeline/branches";
import type { ThreadState } from "@langchain/langgraph-sdk";
import { seedDoc } from "../seed";
import { drawnView, workspaceView } from "../../stores/open-graph-views";

describe("run breakpoints", () => {
  it("the graph's breakpoints travel as interrupt_before / interrupt_after; human nodes pause before by default", () => {
    expect(runBreakpointsOf(workspaceView(seedDoc()))).toEqual({ interruptBefore: ["ask_human"], interruptAfter: [] });
  });

  it("a graph without a document: this window's breakpoints, only for nodes the graph still has", () => {
    const view = drawnView("code", { agent: { after: true }, ask_human: { before: true }, gone: { before: true } });
    expect(runBreakpointsOf(view)).toEqual({ interruptBefore: ["ask_human"], interruptAfter: ["agent"] });
  });

  it("pause at every node and Step both mean interrupt_before \"*\"", () => {
    expect(runBreakpointsOf(workspaceView(seedDoc()), { pauseEveryNode: true }).interruptBefore).toBe("*");
    expect(runBreakpointsOf(drawnView("remote"), { step: true }).interruptBefore).toBe("*");
  });
});

const checkpoint = (id: string, parent: string | null, next: string[], metadata: Record<string, unknown>): ThreadState =>
  ({ values: {}, next, tasks: [], metadata, created_at: null, checkpoint: { checkpoint_id: id }, parent_checkpoint: parent ? { checkpoint_id: parent } : null }) as unknown as ThreadState;

describe("thread history", () => {
  // c0 input -> c1 (next agent) -> c2 agent ran (next ask_human) -> c3 update as ask_human (next agent); c4 forks from c1.
  const history = [
    checkpoint("c4", "c1", [], { source: "update", step: 1, writes: { agent: {} } }),
    checkpoint("c3", "c2", ["agent"], { source: "update", step: 2, writes: { ask_human: {} } }),
    checkpoint("c2", "c1", ["ask_human"], { source: "loop", step: 1 }),
    checkpoint("c1", "c0", ["agent"], { source: "loop", step: 0 }),
    checkpoint("c0", null, ["__start__"], { source: "input", step: -1 }),
  ];

  it("the nodes a branch ran, oldest first, for a reopened thread", () => {
    expect(ranNodes(history, "c3")).toEqual(["agent", "ask_human"]);
    const run = runFromPath(["agent", "ask_human"], "agent", {});
    expect(run.edgeOrder).toEqual({ "__start__>agent": [1], "agent>ask_human": [2], "ask_human>agent": [3] });
    expect(run.lastNode).toBe("ask_human");
  });

  it("timeline lanes: a checkpoint whose parent already has a child starts a branch", () => {
    const rows = timelineRows(history);
    expect(rows.map((row) => [row.id, row.lane, row.forks])).toEqual([
      ["c4", 1, true],
      ["c3", 0, false],
      ["c2", 0, false],
      ["c1", 0, false],
      ["c0", 0, false],
    ]);
    expect(rows.find((row) => row.id === "c2")?.producedBy).toBe("agent");
    expect(rows.find((row) => row.id === "c3")?.producedBy).toBe("ask_human");
  });
});

describe("a stored thread's state", async () => {
  const { runFromThreadState } = await import("../../../../renderer/commands/run/threads");
  it("paused before the next node, failed in a task, or done", () => {
    const base = { values: { n: 1 }, metadata: {}, created_at: null, checkpoint: { checkpoint_id: "c" }, parent_checkpoint: null };
    expect(runFromThreadState({ ...base, next: ["ask_human"], tasks: [] } as unknown as ThreadState, "interrupted")).toMatchObject({ status: "paused", pause: { kind: "before", node: "ask_human" }, nodeStatus: { ask_human: "paused" } });
    expect(runFromThreadState({ ...base, next: ["check"], tasks: [{ id: "t", name: "check", error: { message: "boom" }, interrupts: [] }] } as unknown as ThreadState, "error")).toMatchObject({ status: "error", nodeErrors: { check: "boom" } });
    expect(runFromThreadState({ ...base, next: [], tasks: [] } as unknown as ThreadState, "idle")).toMatchObject({ status: "done", pause: null });
  });
});
