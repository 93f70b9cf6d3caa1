import type { Node, NodeChange } from "@xyflow/react";
import { changesToDoc, withExpandedFrames } from "../../../renderer/canvas/expanded-flow";
import { extractSubgraph } from "../../../renderer/commands/subgraph/extract-subgraph";
import type { ExpandedFrame, InnerFlowNode } from "../../../renderer/stores/expanded-subgraphs-store";
import { flowFromDoc, NODE_HEIGHT } from "../../../renderer/stores/flow-from-doc";
import { chainDoc } from "../commands/subgraph/chain-doc";

const { parent, child } = extractSubgraph(chainDoc(), ["a", "b", "c"], "research");
const inner = (id: string, y: number): InnerFlowNode => ({ id: `research/${id}`, type: "subgraphInner", parentId: "research", position: { x: 24, y }, data: { node: child.nodes.find((node) => node.id === id)!, frame: "research", highlighted: false } });
const frame: ExpandedFrame = { graph: "research", doc: child, width: 268, height: 400, nodes: [inner("a", 44), inner("b", 174), inner("c", 304)], edges: [], highlighted: [] };

describe("expanded subgraph frames on the parent's canvas", () => {
  const flow = flowFromDoc(parent, [], []);
  const drawnOf = (nodes: Node[], id: string) => nodes.find((node) => node.id === id)!;

  it("draws the subgraph node as a frame of its size, its graph's nodes after it as its children", () => {
    const drawn = withExpandedFrames(flow.nodes as Node[], flow.edges, { research: frame });
    const framed = drawnOf(drawn.nodes, "research");
    expect(framed).toMatchObject({ width: 268, height: 400, data: { frame } });
    const ids = drawn.nodes.map((node) => node.id);
    expect(ids.slice(-3)).toEqual(["research/a", "research/b", "research/c"]);
    expect(ids.indexOf("research")).toBeLessThan(ids.indexOf("research/a"));
    // The same inputs give the same objects: React Flow re-measures nothing.
    expect(withExpandedFrames(flow.nodes as Node[], flow.edges, { research: frame }).nodes[ids.indexOf("research")]).toBe(framed);
  });

  it("draws the nodes below the frame lower by its extra height, and maps their drags back to the document", () => {
    const drawn = withExpandedFrames(flow.nodes as Node[], flow.edges, { research: frame });
    const finish = parent.nodes.find((node) => node.id === "finish")!;
    expect(drawnOf(drawn.nodes, "finish").position).toEqual({ x: finish.position.x, y: finish.position.y + 400 - NODE_HEIGHT });
    expect(drawnOf(drawn.nodes, "prep").position).toEqual(parent.nodes.find((node) => node.id === "prep")!.position);
    expect(drawn.offsets.get("__end__")).toEqual({ x: 0, y: 400 - NODE_HEIGHT });
    const drag: NodeChange = { type: "position", id: "finish", position: { x: 10, y: 1000 }, dragging: true };
    expect(changesToDoc(drawn.offsets, [drag])).toEqual([{ ...drag, position: { x: 10, y: 1000 - (400 - NODE_HEIGHT) } }]);
  });

  it("draws a node collapsed when its frame was laid out for another graph, and leaves the flow alone without frames", () => {
    const stale = withExpandedFrames(flow.nodes as Node[], flow.edges, { research: { ...frame, graph: "other" } });
    expect(stale.nodes).toBe(flow.nodes);
    expect(withExpandedFrames(flow.nodes as Node[], flow.edges, {}).offsets.size).toBe(0);
  });
});
