import type { Edge, EdgeChange, Node, NodeChange } from "@xyflow/react";
import type { GraphState } from "../stores/graph-store";
import { debugNodesOf } from "../stores/open-graph-facts";
import { isEditable, type OpenGraphState } from "../stores/open-graph-store";
import { applyInnerNodeChanges, isInnerId, noFrames, type ExpandedFrame } from "../stores/expanded-subgraphs-store";
import { changesToDoc, toDocPosition, withExpandedFrames, type Point } from "./expanded-flow";

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
  /** A dragged node's canvas position in the document (nodes below an expanded frame are drawn lower than they are). */
  toDocPosition: (id: string, position: Point) => Point;
}

const samePosition = (_id: string, position: Point) => position;

const noEdgeChanges = () => {};

/**
 * A workspace graph is drawn from its document (the graph store's flow view of it), with its
 * expanded subgraph nodes drawn as frames around their graphs' nodes; a graph defined in code or
 * deployed from LangGraph's drawing of it (getGraph with xray).
 */
export function canvasGraphOf(
  graph: Pick<GraphState, "graphName" | "nodes" | "edges" | "onNodesChange" | "onEdgesChange" | "doc">,
  open: Pick<OpenGraphState, "graph" | "drawing" | "drawn" | "drawCount" | "onDrawingNodesChange">,
  frames: Record<string, ExpandedFrame> = noFrames,
): CanvasGraph {
  const editable = isEditable(open.graph);
  const nodeCount = debugNodesOf({ doc: editable ? graph.doc : null, drawn: open.drawn }).length;
  const key = `${open.graph?.source.kind ?? "workspace"}:${graph.graphName ?? "none"}`;
  if (editable) {
    const drawn = withExpandedFrames(graph.nodes as Node[], graph.edges as Edge[], frames);
    const onNodesChange = graph.onNodesChange as (changes: NodeChange[]) => void;
    return {
      editable,
      graphName: graph.graphName,
      nodes: drawn.nodes,
      edges: drawn.edges,
      onNodesChange: frames === noFrames ? onNodesChange : (changes) => splitInnerChanges(graph.graphName, changesToDoc(drawn.offsets, changes), onNodesChange),
      onEdgesChange: graph.onEdgesChange as (changes: EdgeChange[]) => void,
      nodeCount,
      key,
      drawCount: 0,
      toDocPosition: drawn.offsets.size ? (id, position) => toDocPosition(drawn.offsets, id, position) : samePosition,
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
    toDocPosition: samePosition,
  };
}

/** Changes to the nodes inside expanded frames belong to the frames, the rest to the document's flow view. */
function splitInnerChanges(graphName: string | null, changes: NodeChange[], onNodesChange: (changes: NodeChange[]) => void): void {
  const inner = changes.filter((change) => "id" in change && isInnerId(change.id));
  if (inner.length && graphName) applyInnerNodeChanges(graphName, inner);
  if (inner.length < changes.length) onNodesChange(inner.length ? changes.filter((change) => !inner.includes(change)) : changes);
}
