import { describeCondition } from "../../shared/conditions";
import type { GraphDoc } from "../../shared/graph-doc";
import { innerId, type ExpandedFrame, type InnerFlowEdge, type InnerFlowNode } from "../stores/expanded-subgraphs-store";
import { NODE_HEIGHT, NODE_WIDTH } from "../stores/flow-from-doc";
import { layoutDoc } from "./layout";

/** Room around the inner nodes: the frame's title bar on top, a margin elsewhere. */
export const FRAME_PADDING = { top: 44, side: 24, bottom: 24 };

/**
 * The frame of subgraph node `frameId` drawing graph `graph`: its inner nodes laid out by the one
 * layout (elk, as the graph's own auto-layout would place them) inside the frame, its edges
 * between them. Everything inside is read-only: open the subgraph to edit it.
 */
export async function layoutFrame(frameId: string, graph: string, doc: GraphDoc, highlighted: readonly string[] = []): Promise<ExpandedFrame> {
  const positions = doc.nodes.length ? await layoutDoc(doc) : {};
  const xs = doc.nodes.map((node) => positions[node.id]?.x ?? 0);
  const ys = doc.nodes.map((node) => positions[node.id]?.y ?? 0);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const lit = new Set(highlighted);
  const nodes: InnerFlowNode[] = doc.nodes.map((node, i) => ({
    id: innerId(frameId, node.id),
    type: "subgraphInner",
    parentId: frameId,
    extent: "parent",
    position: { x: xs[i] - minX + FRAME_PADDING.side, y: ys[i] - minY + FRAME_PADDING.top },
    data: { node, frame: frameId, highlighted: lit.has(node.id) },
    ariaLabel: `Node ${node.id} inside ${frameId}`,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    deletable: false,
  }));
  const ids = new Set(doc.nodes.map((node) => node.id));
  const edges: InnerFlowEdge[] = doc.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => ({
      id: innerId(frameId, edge.id),
      source: innerId(frameId, edge.source),
      target: innerId(frameId, edge.target),
      type: "rule",
      data: { edge, label: edge.when ? describeCondition(edge.when) : undefined },
      selectable: false,
      focusable: false,
      deletable: false,
      zIndex: 1,
    }));
  const width = (xs.length ? Math.max(...xs) - minX + NODE_WIDTH : NODE_WIDTH) + 2 * FRAME_PADDING.side;
  const height = (ys.length ? Math.max(...ys) - minY + NODE_HEIGHT : 0) + FRAME_PADDING.top + FRAME_PADDING.bottom;
  return { graph, doc, width, height, nodes, edges, highlighted: [...highlighted] };
}
