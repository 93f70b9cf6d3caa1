import { addNode } from "../../../renderer/commands/add-node";
import { moveNodes } from "../../../renderer/commands/move-nodes";
import { updateNodeConfig } from "../../../renderer/commands/update-node-config";
import { redo, undo } from "../../../renderer/commands/undo-redo";
import { graphHistory, loadDoc, markSaved, useGraphStore } from "../../../renderer/stores/graph-store";
import { seedDoc } from "../commands/seed";

const state = () => useGraphStore.getState();

describe("graph store history", () => {
  beforeEach(() => loadDoc("agent", seedDoc(), "h1"));

  it("a loaded graph is clean with no history", () => {
    expect(state().doc).toBe(state().savedDoc);
    expect(graphHistory().pastStates).toHaveLength(0);
    expect(state().nodes.map((node) => node.id).sort()).toEqual(["__end__", "__start__", "action", "agent", "ask_human"]);
  });

  it("each command is one undo step; undo and redo restore the exact documents", () => {
    const d0 = state().doc!;
    addNode.run({ kind: "set", position: { x: 0, y: 500 } });
    const d1 = state().doc!;
    moveNodes.run({ positions: { agent: { x: 300, y: 100 }, action: { x: 0, y: 320 } } });
    const d2 = state().doc!;
    expect(graphHistory().pastStates).toHaveLength(2);
    undo();
    expect(state().doc).toEqual(d1);
    undo();
    expect(state().doc).toEqual(d0);
    expect(state().doc).toBe(d0);
    expect(state().nodes.some((node) => node.id === "set_fields")).toBe(false);
    redo();
    redo();
    expect(state().doc).toEqual(d2);
  });

  it("typing into one field makes one undo step", () => {
    const d0 = state().doc!;
    const agent = () => state().doc!.nodes.find((node) => node.id === "agent")!;
    for (const text of ["Y", "Yo", "You"]) {
      updateNodeConfig.run({ id: "agent", config: { ...agent().config, systemPrompt: text } as never }, { coalesceKey: "agent:systemPrompt" });
    }
    expect(graphHistory().pastStates).toHaveLength(1);
    undo();
    expect(state().doc).toBe(d0);
  });

  it("dirty means the document differs from what was saved, and undo back to it is clean", () => {
    addNode.run({ kind: "tools", position: { x: 0, y: 0 } });
    expect(state().doc).not.toBe(state().savedDoc);
    undo();
    expect(state().doc).toBe(state().savedDoc);
    addNode.run({ kind: "tools", position: { x: 0, y: 0 } });
    markSaved(state().doc!, "h2");
    expect(state().doc).toBe(state().savedDoc);
    expect(state().hash).toBe("h2");
  });

  it("unchanged nodes keep their flow objects, so memoised node views do not re-render", () => {
    const before = new Map(state().nodes.map((node) => [node.id, node]));
    moveNodes.run({ positions: { agent: { x: 1, y: 1 } } });
    const after = new Map(state().nodes.map((node) => [node.id, node]));
    expect(after.get("action")).toBe(before.get("action"));
    expect(after.get("agent")).not.toBe(before.get("agent"));
  });
});
