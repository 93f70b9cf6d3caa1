import { connectNodes } from "../../../renderer/commands/connect-nodes";
import { END, START } from "../../../shared/graph-doc";
import { emptyDoc, seedDoc } from "./seed";
import { addNode } from "../../../renderer/commands/add-node";

const twoNodes = () => {
  const a = addNode.apply(emptyDoc(), { kind: "llm", position: { x: 0, y: 0 } }).doc;
  return addNode.apply(a, { kind: "tools", position: { x: 0, y: 100 } }).doc;
};

describe("connectNodes", () => {
  it("from START sets the entry instead of adding an edge", () => {
    const { doc } = connectNodes.apply(twoNodes(), { source: START, target: "tools" });
    expect(doc.entry).toBe("tools");
    expect(doc.edges).toEqual([]);
  });

  it("adds a plain edge with a readable id and selects it", () => {
    const result = connectNodes.apply(twoNodes(), { source: "agent", target: END });
    expect(result.doc.edges).toEqual([{ id: "agent-end", source: "agent", target: END }]);
    expect(result.select).toEqual({ edges: ["agent-end"] });
  });

  it("ignores duplicates and edges into START", () => {
    const once = connectNodes.apply(twoNodes(), { source: "agent", target: "tools" }).doc;
    expect(connectNodes.apply(once, { source: "agent", target: "tools" }).doc).toBe(once);
    expect(connectNodes.apply(once, { source: "agent", target: START }).doc).toBe(once);
  });

  it("makes a new edge from a routing node its next rule", () => {
    const seed = seedDoc();
    const withoutEnd = { ...seed, edges: seed.edges.filter((edge) => edge.id !== "agent-end") };
    const { doc } = connectNodes.apply(withoutEnd, { source: "agent", target: END });
    expect(doc.edges.find((edge) => edge.target === END)).toMatchObject({ when: { type: "otherwise" }, order: 2 });
  });
});
