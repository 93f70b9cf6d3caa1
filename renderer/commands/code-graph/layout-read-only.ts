import type { ReadOnlyGraph } from "./drawable-graph";

/** Box sizes of the read-only canvas's nodes (its CSS draws them at these sizes). */
export const CODE_NODE_WIDTH = 180;
export const CODE_NODE_HEIGHT = 44;
export const CODE_TERMINAL_WIDTH = 96;
export const CODE_TERMINAL_HEIGHT = 34;
const GROUP_PADDING = "[top=40,left=20,bottom=20,right=20]";
// The same inside a subgraph's group as outside: elk's defaults would pack inner layers too tightly for their arrows.
const SPACING = { "elk.layered.spacing.nodeNodeBetweenLayers": "60", "elk.spacing.nodeNode": "50" };

export interface LaidOutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where elk put the nodes (grouped ones relative to their group) and how it routed each edge (absolute). */
export interface ReadOnlyLayout {
  boxes: Record<string, LaidOutBox>;
  routes: Record<string, Point[]>;
}

interface ElkSection {
  startPoint: Point;
  endPoint: Point;
  bendPoints?: Point[];
}

interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
  edges?: { id: string; sources: string[]; targets: string[]; sections?: ElkSection[] }[];
}

// elkjs is large: loaded the first time a read-only graph is drawn. Its own types are looser than ours.
let elk: Promise<{ layout: (graph: ElkNode) => Promise<ElkNode> }> | null = null;
const loadElk = () => (elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK() as unknown as { layout: (graph: ElkNode) => Promise<ElkNode> }));

/**
 * Top-to-bottom positions like LangGraph's own drawings, subgraphs laid out inside their group
 * (elk's INCLUDE_CHILDREN). Positions of grouped nodes are relative to their group, as React
 * Flow's `parentId` wants them.
 */
export async function layoutReadOnly(graph: ReadOnlyGraph): Promise<ReadOnlyLayout> {
  const byParent = new Map<string | undefined, ReadOnlyGraph["nodes"]>();
  for (const node of graph.nodes) byParent.set(node.parent, [...(byParent.get(node.parent) ?? []), node]);
  const build = (parent: string | undefined): ElkNode[] =>
    (byParent.get(parent) ?? []).map((node): ElkNode => {
      if (node.role === "group") return { id: node.id, layoutOptions: { "elk.padding": GROUP_PADDING, "elk.direction": "DOWN", ...SPACING }, children: build(node.id) };
      const terminal = node.role === "start" || node.role === "end";
      const constraint = node.role === "start" ? "FIRST_SEPARATE" : node.role === "end" ? "LAST_SEPARATE" : undefined;
      return {
        id: node.id,
        width: terminal ? CODE_TERMINAL_WIDTH : CODE_NODE_WIDTH,
        height: terminal ? CODE_TERMINAL_HEIGHT : CODE_NODE_HEIGHT,
        ...(constraint && !node.parent ? { layoutOptions: { "elk.layered.layering.layerConstraint": constraint } } : {}),
      };
    });
  const root: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      // Edge routes in the root's coordinates, which are React Flow's: the edges are drawn along them.
      "elk.json.edgeCoords": "ROOT",
      ...SPACING,
      "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
    },
    children: build(undefined),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laid = await (await loadElk()).layout(root);
  const boxes: Record<string, LaidOutBox> = {};
  const collect = (nodes: ElkNode[] | undefined) => {
    for (const node of nodes ?? []) {
      boxes[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0), width: Math.round(node.width ?? CODE_NODE_WIDTH), height: Math.round(node.height ?? CODE_NODE_HEIGHT) };
      collect(node.children);
    }
  };
  collect(laid.children);
  const routes: Record<string, Point[]> = {};
  for (const edge of laid.edges ?? []) {
    const section = edge.sections?.[0];
    if (section) routes[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => ({ x: Math.round(point.x), y: Math.round(point.y) }));
  }
  return { boxes, routes };
}
