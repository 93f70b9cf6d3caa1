import { clipOf } from "../../../renderer/commands/clipboard";
import { pasteNodes } from "../../../renderer/commands/paste-nodes";
import { seedDoc } from "./seed";

describe("pasteNodes", () => {
  it("copies nodes under fresh ids and keeps the edges among them", () => {
    const seed = seedDoc();
    const clip = clipOf(seed, ["agent", "action"])!;
    expect(clip.edges.map((edge) => edge.id).sort()).toEqual(["action-agent", "agent-action", "agent-end"]);
    const { doc, select } = pasteNodes.apply(seed, { clip, offset: { x: 40, y: 40 } });
    const added = doc.nodes.slice(seed.nodes.length);
    expect(added.map((node) => node.id)).toEqual(["action_2", "agent_2"]);
    expect(added[1].position).toEqual({ x: 290, y: 160 });
    const newEdges = doc.edges.slice(seed.edges.length);
    expect(newEdges.map((edge) => [edge.source, edge.target])).toEqual([
      ["action_2", "agent_2"],
      ["agent_2", "action_2"],
      ["agent_2", "__end__"],
    ]);
    expect(new Set(doc.edges.map((edge) => edge.id)).size).toBe(doc.edges.length);
    expect(select).toEqual({ nodes: ["action_2", "agent_2"], edges: newEdges.map((edge) => edge.id) });
    // the copy is deep: editing it does not touch the original
    expect(added[1].config).not.toBe(seed.nodes.find((node) => node.id === "agent")!.config);
  });
});
