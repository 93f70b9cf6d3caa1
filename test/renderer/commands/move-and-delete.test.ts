import { deleteElements, nodesWithWork } from "../../../renderer/commands/delete-elements";
import { moveNodes } from "../../../renderer/commands/move-nodes";
import { addNode } from "../../../renderer/commands/add-node";
import { emptyDoc, seedDoc } from "./seed";

describe("moveNodes", () => {
  it("rounds positions and leaves unmoved nodes as they were", () => {
    const seed = seedDoc();
    const { doc } = moveNodes.apply(seed, { positions: { agent: { x: 1.6, y: 2.2 } } });
    expect(doc.nodes.find((node) => node.id === "agent")!.position).toEqual({ x: 2, y: 2 });
    expect(doc.nodes.find((node) => node.id === "action")).toBe(seed.nodes.find((node) => node.id === "action"));
  });

  it("returns the same document when nothing moved", () => {
    const seed = seedDoc();
    expect(moveNodes.apply(seed, { positions: { agent: { x: 250, y: 120 } } }).doc).toBe(seed);
  });
});

describe("deleteElements", () => {
  it("removes nodes with their edges, and edges by id", () => {
    const { doc } = deleteElements.apply(seedDoc(), { nodes: ["action"], edges: ["agent-end"] });
    expect(doc.nodes.map((node) => node.id)).toEqual(["agent", "ask_human"]);
    expect(doc.edges.map((edge) => edge.id)).toEqual(["agent-ask_human", "ask_human-agent"]);
  });

  it("knows which nodes hold settings someone wrote", () => {
    const fresh = addNode.apply(emptyDoc(), { kind: "tools", position: { x: 0, y: 0 } }).doc;
    expect(nodesWithWork(fresh, ["tools"])).toEqual([]);
    expect(nodesWithWork(seedDoc(), ["agent", "action"])).toEqual(["action", "agent"].sort());
  });
});
