import { pauseAsksOf } from "../../../../renderer/commands/run/pause-ask";
import type { GraphDoc } from "../../../../shared/graph-doc";
import { workspaceView } from "../../stores/open-graph-views";

const at = { x: 0, y: 0 };
const researcher: GraphDoc = {
  version: 1,
  name: "researcher",
  entry: "look",
  state: { fields: { messages: { type: "messages", reducer: "messages" }, scratch: { type: "string", reducer: "replace" } } },
  nodes: [
    { id: "look", kind: "set", position: at, config: { values: { scratch: "x" } } },
    { id: "approve", kind: "human", position: at, config: { mode: "breakpoint", askTool: "AskHuman", askToolDescription: "Ask", question: "Keep?" } },
  ],
  edges: [{ id: "look-approve", source: "look", target: "approve" }],
};
const team: GraphDoc = {
  version: 1,
  name: "team",
  entry: "research",
  state: { fields: { messages: { type: "messages", reducer: "messages" } } },
  nodes: [{ id: "research", kind: "subgraph", position: at, config: { graph: "researcher" } }],
  edges: [],
};
const graphs = new Map([["researcher", researcher]]);
const checkpoint = { checkpoint_ns: "research:t1", checkpoint_id: "c-in" };

describe("what a pause inside a subgraph or in parallel branches asks", () => {
  it("a human node inside a subgraph is answered by path, as that node, in the subgraph's checkpoint", () => {
    const asks = pauseAsksOf({ view: workspaceView(team), status: "paused", lastNode: null, values: {}, graphs, pause: { kind: "before", node: "research", inner: { path: ["research", "approve"], kind: "before", checkpoint, values: { scratch: "x" } } } });
    expect(asks).toEqual([{ kind: "answer", node: "research > approve", question: "Keep?", messagesField: "messages", toolCall: null, askedBy: null, inside: { path: ["research"], checkpoint, asNode: "approve" } }]);
  });

  it("an inner node no person answers asks nothing; without the workspace's graphs neither", () => {
    const pause = { kind: "before" as const, node: "research", inner: { path: ["research", "look"], kind: "before" as const, checkpoint, values: {} } };
    expect(pauseAsksOf({ view: workspaceView(team), status: "paused", lastNode: null, values: {}, graphs, pause })).toEqual([]);
    expect(pauseAsksOf({ view: workspaceView(team), status: "paused", lastNode: null, values: {}, pause: { ...pause, inner: { ...pause.inner, path: ["research", "approve"] } } })).toEqual([]);
  });

  it("a for-each's subgraph tasks paused inside are asked each in its own namespace, numbered", () => {
    const inner = (ns: string) => ({ path: ["research", "approve"], kind: "before" as const, checkpoint: { checkpoint_ns: ns, checkpoint_id: `c-${ns}` }, values: {} });
    const innerPauses = [inner("research:t1"), inner("research:t2")];
    const asks = pauseAsksOf({ view: workspaceView(team), status: "paused", lastNode: null, values: {}, graphs, innerPauses, pause: { kind: "before", node: "research", inner: innerPauses[0] } });
    expect(asks.map((ask) => [ask.node, ask.kind === "answer" ? ask.inside?.checkpoint.checkpoint_ns : null])).toEqual([
      ["research > approve #1", "research:t1"],
      ["research > approve #2", "research:t2"],
    ]);
  });

  it("interrupts pending at once are asked each by its id", () => {
    const interrupts = [
      { id: "i1", path: ["ask_city"], value: { question: "Which city?" } },
      { id: "i2", path: ["ask_day"], value: { question: "Which day?" } },
    ];
    const asks = pauseAsksOf({ view: workspaceView(team), status: "paused", lastNode: null, values: {}, interrupts, pause: { kind: "interrupt", node: "ask_city", payload: { question: "Which city?" } } });
    expect(asks).toEqual([
      { kind: "resume", node: "ask_city", question: "Which city?", interruptId: "i1" },
      { kind: "resume", node: "ask_day", question: "Which day?", interruptId: "i2" },
    ]);
  });
});
