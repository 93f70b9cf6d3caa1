import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useStore,
  type Connection,
  type Node,
  type OnNodeDrag,
  type ReactFlowInstance,
  type ReactFlowState,
  type Viewport,
} from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import type { NodeKindName } from "../../shared/node-kinds";
import { nodeKinds } from "../../shared/node-kinds";
import { connectNodes } from "../commands/connect-nodes";
import { moveNodes } from "../commands/move-nodes";
import { NODE_HEIGHT, NODE_WIDTH, type FlowNode } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { useOpenGraph } from "../stores/open-graph-store";
import { canvasGraphOf, type CanvasGraph } from "./canvas-graph";
import { noFrames, useExpandedSubgraphs } from "../stores/expanded-subgraphs-store";
import { SubgraphCanvasLayer, subgraphCanvasHandlers } from "./subgraph/SubgraphCanvasLayer";
import { CodeGraphBanner } from "../panels/code-graph/CodeGraphBanner";
import { MINIMAP_AUTO_LIMIT, useUiStore } from "../stores/ui-store";
import { Icon } from "../app/Icon";
import { canvasApi } from "./canvas-api";
import { EdgeLabelLayerProvider, useEdgeLabelLayer } from "./EdgeLabelPortal";
import { FIT_MAX_ZOOM, FIT_PADDING, initialViewport, MIN_ZOOM } from "./initial-viewport";
import { FAR_ZOOM, FullDetailProvider } from "./level-of-detail";
import { edgeTypes, nodeTypes } from "./flow-types";
import { addNodeAt, PALETTE_MIME } from "./Palette";

const SNAP: [number, number] = [16, 16];
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const proOptions = { hideAttribution: true };
// Null until the flow's viewport exists (React Flow resets its store when a flow unmounts).
const isFarZoom = (state: ReactFlowState) => (state.panZoom ? state.transform[2] < FAR_ZOOM : null);
const minimapStyle = { width: 168, height: 110 };
const fitViewOptions = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM };

const minimapColor = (node: Node) => (node.type === "start" || node.type === "end" ? "#64748b" : nodeKinds[node.type as NodeKindName]?.color ?? "#888");
/** The open graph's drawing; each store's slice selected shallowly, combined by a pure function. */
function useCanvasGraph(): CanvasGraph {
  const graph = useGraphStore(useShallow((state) => ({ graphName: state.graphName, nodes: state.nodes, edges: state.edges, onNodesChange: state.onNodesChange, onEdgesChange: state.onEdgesChange, doc: state.doc })));
  const open = useOpenGraph(useShallow((state) => ({ graph: state.graph, drawing: state.drawing, drawn: state.drawn, drawCount: state.drawCount, onDrawingNodesChange: state.onDrawingNodesChange })));
  const frames = useExpandedSubgraphs((state) => (graph.graphName && state.frames[graph.graphName]) || noFrames);
  return useMemo(() => canvasGraphOf(graph, open, frames), [graph, open, frames]);
}

/**
 * The one canvas of every open graph: a controlled React Flow over the open graph's nodes and
 * edges. A workspace graph gets the editing affordances (drag, connect, drop from the palette,
 * box select); a graph defined in code or deployed is drawn, selected and debugged, not edited.
 */
export function Canvas() {
  const { editable, graphName, nodes, edges, onNodesChange, onEdgesChange, nodeCount, key, drawCount, toDocPosition } = useCanvasGraph();
  const [flow, setFlow] = useState<ReactFlowInstance | null>(null);
  const theme = useUiStore((state) => state.theme);
  const snapToGrid = useUiStore((state) => state.snapToGrid);
  const minimapSetting = useUiStore((state) => state.minimap);
  const simplifyFar = useUiStore((state) => state.simplifyFarZoom);
  const showMinimap = minimapSetting ?? nodeCount <= MINIMAP_AUTO_LIMIT;
  const empty = editable && nodeCount === 0;
  const frame = useRef<HTMLDivElement>(null);
  const pane = usePaneSize(frame);
  const labelLayer = useEdgeLabelLayer(frame, pane && graphName);
  // Each graph opens fitted at a viewport worked out from its document, so the first render is
  // already at the final zoom and level of detail; React Flow fits only when that is unknown.
  const [opened, setOpened] = useState<{ graph: string | null; viewport: Viewport | null } | null>(null);
  // A drawing (groups around inner nodes) is fitted by React Flow once measured.
  if (pane && opened?.graph !== key) setOpened({ graph: key, viewport: editable ? initialViewport(nodes as FlowNode[], pane) : null });
  const viewport = opened?.graph === key ? opened.viewport : null;
  const liveFar = useStore(isFarZoom);
  const farZoom = simplifyFar && (liveFar ?? (viewport ? viewport.zoom < FAR_ZOOM : false));

  const onInit = useCallback((instance: ReactFlowInstance) => {
    setFlow(instance);
    canvasApi.attach(instance as unknown as Parameters<typeof canvasApi.attach>[0]);
  }, []);
  useEffect(() => () => canvasApi.attach(null), []);
  // A reload of the code redraws the graph: show all of it again.
  useEffect(() => {
    if (flow && drawCount) requestAnimationFrame(() => void flow.fitView(fitViewOptions));
  }, [flow, drawCount]);

  const onConnect = useCallback((connection: Connection) => connectNodes.run({ source: connection.source, target: connection.target }), []);
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_event, _node, dragged) => {
    moveNodes.run({ positions: Object.fromEntries(dragged.map((node) => [node.id, toDocPosition(node.id, node.position)])) });
  }, [toDocPosition]);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKindName;
    if (!kind || !(kind in nodeKinds)) return;
    event.preventDefault();
    const at = canvasApi.screenToFlow({ x: event.clientX, y: event.clientY });
    addNodeAt(kind, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
  }, []);

  return (
    <div
      ref={frame}
      className={`sy-canvas ${editable ? "" : "is-read-only"}`}
      data-far={farZoom || undefined}
      data-read-only={editable ? undefined : "true"}
      onDragOver={editable ? onDragOver : undefined}
      onDrop={editable ? onDrop : undefined}
      aria-label="Graph canvas"
      role="region"
    >
      {!editable && <CodeGraphBanner />}
      {editable && <SubgraphCanvasLayer />}
      {pane && (
        <FullDetailProvider value={!farZoom}>
          <EdgeLabelLayerProvider value={labelLayer}>
            <ReactFlow
              key={key}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={editable ? onConnect : undefined}
              onNodeDragStop={editable ? (onNodeDragStop as unknown as OnNodeDrag) : undefined}
              onEdgeContextMenu={editable ? subgraphCanvasHandlers.onEdgeContextMenu : undefined}
              onSelectionContextMenu={editable ? subgraphCanvasHandlers.onSelectionContextMenu : undefined}
              onInit={onInit}
              nodesDraggable={editable}
              nodesConnectable={editable}
              edgesFocusable={editable}
              defaultEdgeOptions={defaultEdgeOptions}
              connectionLineType={ConnectionLineType.Bezier}
              colorMode={theme}
              snapToGrid={snapToGrid}
              snapGrid={SNAP}
              deleteKeyCode={null}
              selectionKeyCode={editable ? "Shift" : null}
              multiSelectionKeyCode={editable ? ["Meta", "Control"] : null}
              defaultViewport={viewport ?? undefined}
              fitView={!viewport}
              fitViewOptions={fitViewOptions}
              minZoom={MIN_ZOOM}
              maxZoom={2}
              proOptions={proOptions}
            >
              {/* Zoomed far out the dots would be a grey haze a pixel apart, repainted on every pan frame. */}
              {!farZoom && <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />}
              {showMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={minimapStyle} />}
              <Controls showInteractive={false} aria-label="Zoom controls" />
            </ReactFlow>
          </EdgeLabelLayerProvider>
        </FullDetailProvider>
      )}
      {empty && (
        <div className="sy-canvas-empty" aria-live="polite">
          <Icon name="graph" size={28} />
          <strong>An empty graph</strong>
          <span>
            Drag a node from <em>Add node</em> in the sidebar, or press <kbd>A</kbd> to add one.
            <br />
            Then connect START to it.
          </span>
        </div>
      )}
    </div>
  );
}

/** The canvas frame's size, measured before the flow is first drawn. */
function usePaneSize(frame: React.RefObject<HTMLDivElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element) setSize({ width: element.clientWidth, height: element.clientHeight });
  }, [frame]);
  return size;
}
