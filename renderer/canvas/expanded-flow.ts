import type { Edge, Node, NodeChange } from "@xyflow/react";
import type { ExpandedFrame } from "../stores/expanded-subgraphs-store";
import { NODE_HEIGHT, NODE_WIDTH, type KindNode } from "../stores/flow-from-doc";

/** What a subgraph node drawn expanded carries besides its document node. */
export type SubgraphNodeData = KindNode["data"] & { frame?: ExpandedFrame };

export interface Point {
  x: number;
  y: number;
}

/** The flow drawn, and how far each node is drawn from its place in the document (to make room for the frames). */
export interface ExpandedFlow {
  nodes: Node[];
  edges: Edge[];
  offsets: ReadonlyMap<string, Point>;
}

// One drawn object per (flow node object, frame or offset): React Flow and the memoised nodes see no change when neither changed.
const framed = new WeakMap<Node, { frame: ExpandedFrame; node: Node }>();
const moved = new WeakMap<Node, { offset: Point; node: Node }>();

function frameNode(node: Node, frame: ExpandedFrame): Node {
  const cached = framed.get(node);
  if (cached?.frame === frame) return cached.node;
  const next: Node = { ...node, data: { ...node.data, frame }, width: frame.width, height: frame.height, style: { width: frame.width, height: frame.height } };
  framed.set(node, { frame, node: next });
  return next;
}

function movedNode(node: Node, offset: Point): Node {
  const cached = moved.get(node);
  if (cached && cached.offset.x === offset.x && cached.offset.y === offset.y) return cached.node;
  const next: Node = { ...node, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  moved.set(node, { offset, node: next });
  return next;
}

/** Where a node is in the document: its kind node's own position (stable while it is dragged), a terminal's drawn one. */
const docPosition = (node: Node): Point => (node.data as Partial<KindNode["data"]>).node?.position ?? node.position;

/**
 * The flow with each expanded subgraph node drawn as a frame around its graph's nodes (React
 * Flow parent and child nodes: a parent comes before its children). The nodes below a frame are
 * drawn lower, and those beside it further right, by how much the frame is larger than the node:
 * a view of the document, which keeps its positions. A frame laid out for another graph than the
 * node now runs is left out: the node is drawn collapsed.
 */
export function withExpandedFrames(nodes: Node[], edges: Edge[], frames: Record<string, ExpandedFrame>): ExpandedFlow {
  const shown = nodes.flatMap((node) => {
    const frame = frames[node.id];
    const runs = node.type === "subgraph" ? (node.data as KindNode["data"]).node : undefined;
    return frame && runs?.kind === "subgraph" && runs.config.graph === frame.graph ? [{ node, frame, at: docPosition(node) }] : [];
  });
  if (shown.length === 0) return { nodes, edges, offsets: new Map() };
  const byId = new Map(shown.map((item) => [item.node.id, item.frame]));
  const offsets = new Map<string, Point>();
  const drawn = nodes.map((node) => {
    const frame = byId.get(node.id);
    if (frame) return frameNode(node, frame);
    const at = docPosition(node);
    const offset = { x: 0, y: 0 };
    for (const item of shown) {
      if (at.y > item.at.y + NODE_HEIGHT / 2) offset.y += item.frame.height - NODE_HEIGHT;
      else if (at.y > item.at.y - NODE_HEIGHT && at.x > item.at.x + NODE_WIDTH / 2) offset.x += item.frame.width - NODE_WIDTH;
    }
    if (!offset.x && !offset.y) return node;
    offsets.set(node.id, offset);
    return movedNode(node, offset);
  });
  return { nodes: [...drawn, ...shown.flatMap((item) => item.frame.nodes)], edges: [...edges, ...shown.flatMap((item) => item.frame.edges)], offsets };
}

/** A position on the canvas back in the document's coordinates. */
export function toDocPosition(offsets: ReadonlyMap<string, Point>, id: string, position: Point): Point {
  const offset = offsets.get(id);
  return offset ? { x: position.x - offset.x, y: position.y - offset.y } : position;
}

/** React Flow's changes in canvas coordinates, in the document's (the flow view holds document positions). */
export function changesToDoc(offsets: ReadonlyMap<string, Point>, changes: NodeChange[]): NodeChange[] {
  if (offsets.size === 0) return changes;
  return changes.map((change) => (change.type === "position" && change.position && offsets.has(change.id) ? { ...change, position: toDocPosition(offsets, change.id, change.position) } : change));
}
