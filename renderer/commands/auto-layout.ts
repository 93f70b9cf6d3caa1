import { END, START, type GraphDoc } from "../../shared/graph-doc";
import { NODE_HEIGHT, NODE_WIDTH, TERMINAL_HEIGHT, TERMINAL_WIDTH } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { moveNodes } from "./move-nodes";
import { isReadOnlyGraph } from "../stores/read-only-graph-store";
import { relayoutReadOnly } from "./code-graph/open-read-only-graph";

// elkjs is large: load it the first time someone lays a graph out.
let elk: Promise<{ layout: (graph: any) => Promise<any> }> | null = null;
const loadElk = () => (elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK()));

/** Positions for every node, top to bottom like LangGraph's own drawings (START on top, END at the bottom). */
export async function layoutPositions(doc: GraphDoc): Promise<Record<string, { x: number; y: number }>> {
  const ids = new Set(doc.nodes.map((node) => node.id));
  const graph = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "70",
      "elk.spacing.nodeNode": "60",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
    },
    children: [
      { id: START, width: TERMINAL_WIDTH, height: TERMINAL_HEIGHT, layoutOptions: { "elk.layered.layering.layerConstraint": "FIRST_SEPARATE" } },
      ...doc.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      { id: END, width: TERMINAL_WIDTH, height: TERMINAL_HEIGHT, layoutOptions: { "elk.layered.layering.layerConstraint": "LAST_SEPARATE" } },
    ],
    edges: [
      ...(ids.has(doc.entry) ? [{ id: "start-edge", sources: [START], targets: [doc.entry] }] : []),
      ...doc.edges
        .filter((edge) => ids.has(edge.source) && (ids.has(edge.target) || edge.target === END))
        .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
    ],
  };
  const laid = await (await loadElk()).layout(graph);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of (laid.children ?? []) as { id: string; x?: number; y?: number }[]) {
    if (ids.has(child.id)) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}

/** Lays the open graph out; one undo step. */
export async function autoLayout(): Promise<void> {
  const { doc } = useGraphStore.getState();
  if (isReadOnlyGraph()) return relayoutReadOnly();
  if (!doc || doc.nodes.length === 0) return;
  const positions = await layoutPositions(doc);
  if (useGraphStore.getState().doc !== doc) return; // edited meanwhile: the layout is stale
  moveNodes.run({ positions });
}

export const autoLayoutCommand = { title: "Auto-layout", entersHistory: true, run: autoLayout } as const;
