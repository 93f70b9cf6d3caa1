import { applyFrame, emptyRun, type RunState } from "../../../renderer/stores/run-store";

const fresh = (): RunState => ({ ...emptyRun(), threadId: "t1", graphName: "chain", status: "running" });

function play(frames: [string, unknown][], start = fresh()): RunState {
  return frames.reduce<RunState>((state, [event, data]) => ({ ...state, ...applyFrame(state, event, data, 1000) }), start);
}

describe("run marks: replayed, live and pinned nodes from the custom stream", () => {
  it("marks replayed nodes and the first live node, each once, with a line in the event log tied to the node's step", () => {
    const state = play([
      ["tasks", { id: "s1", name: "first", input: {} }],
      ["custom", { switchyard: "replayed", node: "first", call_id: "a" }],
      ["custom", { switchyard: "replayed", node: "first", call_id: "b" }],
      ["tasks", { id: "s1", name: "first", result: {} }],
      ["tasks", { id: "s2", name: "second", input: {} }],
      ["custom", { switchyard: "live", node: "second", call_id: "c" }],
      ["custom", { switchyard: "live", node: "third", call_id: "d" }],
    ]);
    expect(state.replayedNodes).toEqual({ first: true });
    expect(state.liveNode).toBe("second");
    expect(state.events.map((event) => [event.kind, event.node, event.stepId])).toEqual([
      ["replayed", "first", "s1"],
      ["live", "second", "s2"],
    ]);
  });

  it("marks a pinned node; a custom frame that is not Switchyard's changes nothing", () => {
    const state = play([
      ["custom", { switchyard: "pinned", node: "first" }],
      ["custom", { progress: 50 }],
      ["custom", "text"],
    ]);
    expect(state.pinnedNodes).toEqual({ first: true });
    expect(state.events.map((event) => event.kind)).toEqual(["pinned"]);
  });
});
