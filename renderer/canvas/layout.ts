import { END, START, type GraphDoc } from "../../shared/graph-doc";
import type { DrawnGraph } from "../commands/code-graph/drawable-graph";
import { NODE_HEIGHT, NODE_WIDTH, TERMINAL_HEIGHT, TERMINAL_WIDTH } from "../stores/flow-from-doc";

/**
 * The one layout of every open graph: elk's layered algorithm top to bottom like LangGraph's own
 * drawings, START first and END last, the same spacing for a document's nodes and for a drawing's
 * (subgraphs laid out inside their group, elk's INCLUDE_CHILDREN).
 */

/** Box sizes of a drawn graph's nodes (its CSS draws them at these sizes). */
export const DRAWN_NODE_WIDTH = 180;
export const DRAWN_NODE_HEIGHT = 44;
const GROUP_PADDING = "[top=40,left=20,bottom=20,right=20]";
// The same inside a subgraph's group as outside: elk's defaults would pack inner layers too tightly for their arrows.
const SPACING = { "elk.layered.spacing.nodeNodeBetweenLayers": "70", "elk.spacing.nodeNode": "60" };
const ROOT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  ...SPACING,
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
};
const FIRST = { "elk.layered.layering.layerConstraint": "FIRST_SEPARATE" };
const LAST = { "elk.layered.layering.layerConstraint": "LAST_SEPARATE" };

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutBox extends Point {
  width: number;
  height: number;
}

/** Where elk put a drawing's nodes (grouped ones relative to their group) and how it routed each edge (absolute). */
export interface DrawingLayout {
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

// elkjs is large: loaded the first time a graph is laid out. Its own types are looser than ours.
let elk: Promise<{ layout: (graph: ElkNode) => Promise<ElkNode> }> | null = null;
const loadElk = () => (elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK() as unknown as { layout: (graph: ElkNode) => Promise<ElkNode> }));

/** Positions for every node of a document (its auto-layout). */
export async function layoutDoc(doc: GraphDoc): Promise<Record<string, Point>> {
  const ids = new Set(doc.nodes.map((node) => node.id));
  const laid = await (await loadElk()).layout({
    id: "root",
    layoutOptions: ROOT_OPTIONS,
    children: [
      { id: START, width: TERMINAL_WIDTH, height: TERMINAL_HEIGHT, layoutOptions: FIRST },
      ...doc.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      { id: END, width: TERMINAL_WIDTH, height: TERMINAL_HEIGHT, layoutOptions: LAST },
    ],
    edges: [
      ...(ids.has(doc.entry) ? [{ id: "start-edge", sources: [START], targets: [doc.entry] }] : []),
      ...doc.edges.filter((edge) => ids.has(edge.source) && (ids.has(edge.target) || edge.target === END)).map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
    ],
  });
  const positions: Record<string, Point> = {};
  for (const child of laid.children ?? []) if (ids.has(child.id)) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}

/** Boxes and edge routes of LangGraph's drawing of a graph; grouped positions are relative to their group, as React Flow's `parentId` wants. */
export async function layoutDrawing(graph: DrawnGraph): Promise<DrawingLayout> {
  const byParent = new Map<string | undefined, DrawnGraph["nodes"]>();
  for (const node of graph.nodes) byParent.set(node.parent, [...(byParent.get(node.parent) ?? []), node]);
  const build = (parent: string | undefined): ElkNode[] =>
    (byParent.get(parent) ?? []).map((node): ElkNode => {
      if (node.role === "group") return { id: node.id, layoutOptions: { "elk.padding": GROUP_PADDING, "elk.direction": "DOWN", ...SPACING }, children: build(node.id) };
      const terminal = node.role === "start" || node.role === "end";
      const constraint = node.role === "start" ? FIRST : node.role === "end" ? LAST : undefined;
      return {
        id: node.id,
        width: terminal ? TERMINAL_WIDTH : DRAWN_NODE_WIDTH,
        height: terminal ? TERMINAL_HEIGHT : DRAWN_NODE_HEIGHT,
        ...(constraint && !node.parent ? { layoutOptions: constraint } : {}),
      };
    });
  const laid = await (await loadElk()).layout({
    id: "root",
    // Edge routes in the root's coordinates, which are React Flow's: the edges are drawn along them.
    layoutOptions: { ...ROOT_OPTIONS, "elk.hierarchyHandling": "INCLUDE_CHILDREN", "elk.json.edgeCoords": "ROOT" },
    children: build(undefined),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const boxes: Record<string, LaidOutBox> = {};
  const collect = (nodes: ElkNode[] | undefined) => {
    for (const node of nodes ?? []) {
      boxes[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0), width: Math.round(node.width ?? DRAWN_NODE_WIDTH), height: Math.round(node.height ?? DRAWN_NODE_HEIGHT) };
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
