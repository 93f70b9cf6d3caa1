import type { Edge, Node } from "@xyflow/react";
import type { ExpandedFrame } from "../stores/expanded-subgraphs-store";
import type { KindNode } from "../stores/flow-from-doc";

/** What a subgraph node drawn expanded carries besides its document node. */
export type SubgraphNodeData = KindNode["data"] & { frame?: ExpandedFrame };

// One frame node object per (document node object, frame): React Flow and the memoised node see no change when neither changed.
const framed = new WeakMap<Node, { frame: ExpandedFrame; node: Node }>();

function frameNode(node: Node, frame: ExpandedFrame): Node {
  const cached = framed.get(node);
  if (cached?.frame === frame) return cached.node;
  const next: Node = { ...node, data: { ...node.data, frame }, width: frame.width, height: frame.height, style: { width: frame.width, height: frame.height } };
  framed.set(node, { frame, node: next });
  return next;
}

/**
 * The flow with each expanded subgraph node drawn as a frame around its graph's nodes (React
 * Flow parent and child nodes: a parent comes before its children). A frame laid out for another
 * graph than the node now runs is left out: the node is drawn collapsed.
 */
export function withExpandedFrames(nodes: Node[], edges: Edge[], frames: Record<string, ExpandedFrame>): { nodes: Node[]; edges: Edge[] } {
  const shown: ExpandedFrame[] = [];
  const drawn = nodes.map((node) => {
    const frame = frames[node.id];
    const runs = node.type === "subgraph" ? (node.data as KindNode["data"]).node : undefined;
    if (!frame || runs?.kind !== "subgraph" || runs.config.graph !== frame.graph) return node;
    shown.push(frame);
    return frameNode(node, frame);
  });
  if (shown.length === 0) return { nodes, edges };
  return { nodes: [...drawn, ...shown.flatMap((frame) => frame.nodes)], edges: [...edges, ...shown.flatMap((frame) => frame.edges)] };
}
