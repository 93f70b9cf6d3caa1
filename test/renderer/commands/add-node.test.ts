import { addNode } from "../../../renderer/commands/add-node";
import { nodeKinds } from "../../../shared/node-kinds";
import { emptyDoc } from "./seed";

describe("addNode", () => {
  it("adds a node of the kind with its defaults, a free id, and selects it", () => {
    const first = addNode.apply(emptyDoc(), { kind: "llm", position: { x: 10.4, y: 20.6 } });
    expect(first.doc.nodes).toEqual([{ id: "agent", kind: "llm", position: { x: 10, y: 21 }, config: nodeKinds.llm.defaults() }]);
    expect(first.select).toEqual({ nodes: ["agent"] });
    const second = addNode.apply(first.doc, { kind: "llm", position: { x: 0, y: 0 } });
    expect(second.doc.nodes.map((node) => node.id)).toEqual(["agent", "agent_2"]);
  });

  it("gives a human node a pause before it, like the seed", () => {
    const { doc } = addNode.apply(emptyDoc(), { kind: "human", position: { x: 0, y: 0 } });
    expect(doc.nodes[0]).toMatchObject({ id: "ask_human", breakpoint: { before: true } });
  });

  it("enters undo history", () => {
    expect(addNode.entersHistory).toBe(true);
  });
});
