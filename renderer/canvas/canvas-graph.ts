import type { Edge, EdgeChange, Node, NodeChange } from "@xyflow/react";
import type { GraphState } from "../stores/graph-store";
import { debugNodesOf } from "../stores/open-graph-facts";
import { isEditable, type OpenGraphState } from "../stores/open-graph-store";

/** What the one canvas draws of the open graph, whatever its source. */
export interface CanvasGraph {
  /** Editing affordances (drag, connect, drop, box select) appear only then. */
  editable: boolean;
  graphName: string | null;
  nodes: Node[];
  edges: Edge[];
  onNodesChange: (changes: NodeChange[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  nodeCount: number;
  /** A new flow (fresh viewport) per graph and source: "agent" here and "agent" deployed are two graphs. */
  key: string;
  /** Grows with every redraw of a drawing: the canvas fits it again. */
  drawCount: number;
}

const noEdgeChanges = () => {};

/**
 * A workspace graph is drawn from its document (the graph store's flow view of it); a graph
 * defined in code or deployed from LangGraph's drawing of it (getGraph with xray).
 */
export function canvasGraphOf(
  graph: Pick<GraphState, "graphName" | "nodes" | "edges" | "onNodesChange" | "onEdgesChange" | "doc">,
  open: Pick<OpenGraphState, "graph" | "drawing" | "drawn" | "drawCount" | "onDrawingNodesChange">,
): CanvasGraph {
  const editable = isEditable(open.graph);
  const nodeCount = debugNodesOf({ doc: editable ? graph.doc : null, drawn: open.drawn }).length;
  const key = `${open.graph?.source.kind ?? "workspace"}:${graph.graphName ?? "none"}`;
  if (editable) {
    return {
      editable,
      graphName: graph.graphName,
      nodes: graph.nodes as Node[],
      edges: graph.edges as Edge[],
      onNodesChange: graph.onNodesChange as (changes: NodeChange[]) => void,
      onEdgesChange: graph.onEdgesChange as (changes: EdgeChange[]) => void,
      nodeCount,
      key,
      drawCount: 0,
    };
  }
  return {
    editable,
    graphName: graph.graphName,
    nodes: open.drawing.nodes as Node[],
    edges: open.drawing.edges as Edge[],
    onNodesChange: open.onDrawingNodesChange as (changes: NodeChange[]) => void,
    onEdgesChange: noEdgeChanges,
    nodeCount,
    key,
    drawCount: open.drawCount,
  };
}
