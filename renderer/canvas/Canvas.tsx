import { Background, BackgroundVariant, ConnectionLineType, Controls, MarkerType, MiniMap, ReactFlow, useStore, type Connection, type OnNodeDrag, type ReactFlowState } from "@xyflow/react";
import { useCallback, useRef, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import type { NodeKindName } from "../../shared/node-kinds";
import { nodeKinds } from "../../shared/node-kinds";
import { addNode } from "../commands/add-node";
import { connectNodes } from "../commands/connect-nodes";
import { moveNodes } from "../commands/move-nodes";
import { NODE_HEIGHT, NODE_WIDTH, type FlowEdge, type FlowNode } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { MINIMAP_AUTO_LIMIT, useUiStore } from "../stores/ui-store";
import { Icon } from "../app/Icon";
import { canvasApi } from "./canvas-api";
import { EdgeLabelLayerProvider, useEdgeLabelLayer } from "./EdgeLabelPortal";
import { edgeTypes, nodeTypes } from "./flow-types";
import { PALETTE_MIME } from "./Palette";

const SNAP: [number, number] = [16, 16];
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const proOptions = { hideAttribution: true };
export const FAR_ZOOM = 0.45;
const isFarZoom = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;
const minimapStyle = { width: 168, height: 110 };
const fitViewOptions = { padding: 0.2, maxZoom: 1.2 };

const minimapColor = (node: FlowNode) => (node.type === "start" || node.type === "end" ? "#64748b" : nodeKinds[node.type as NodeKindName]?.color ?? "#888");

/** The graph canvas: a controlled React Flow over the graph store. */
export function Canvas() {
  const { graphName, nodes, edges, onNodesChange, onEdgesChange, nodeCount } = useGraphStore(
    useShallow((state) => ({
      graphName: state.graphName,
      nodes: state.nodes,
      edges: state.edges,
      onNodesChange: state.onNodesChange,
      onEdgesChange: state.onEdgesChange,
      nodeCount: state.doc?.nodes.length ?? 0,
    })),
  );
  const theme = useUiStore((state) => state.theme);
  // Zoomed far out, text is unreadable anyway: drawing only the node boxes keeps panning big graphs cheap.
  const farZoom = useStore(isFarZoom);
  const snapToGrid = useUiStore((state) => state.snapToGrid);
  const minimapSetting = useUiStore((state) => state.minimap);
  const showMinimap = minimapSetting ?? nodeCount <= MINIMAP_AUTO_LIMIT;
  const empty = nodeCount === 0;
  const frame = useRef<HTMLDivElement>(null);
  const labelLayer = useEdgeLabelLayer(frame, graphName);

  const onConnect = useCallback((connection: Connection) => connectNodes.run({ source: connection.source, target: connection.target }), []);
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_event, _node, dragged) => {
    moveNodes.run({ positions: Object.fromEntries(dragged.map((node) => [node.id, node.position])) });
  }, []);
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
    addNode.run({ kind, position: { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 } });
  }, []);

  return (
    <div ref={frame} className="sy-canvas" data-far={farZoom || undefined} onDragOver={onDragOver} onDrop={onDrop} aria-label="Graph canvas" role="region">
      <EdgeLabelLayerProvider value={labelLayer}>
        <ReactFlow<FlowNode, FlowEdge>
          key={graphName ?? "none"}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDragStop={onNodeDragStop}
          onInit={canvasApi.attach}
          defaultEdgeOptions={defaultEdgeOptions}
          connectionLineType={ConnectionLineType.Bezier}
          colorMode={theme}
          snapToGrid={snapToGrid}
          snapGrid={SNAP}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={["Meta", "Control"]}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
          maxZoom={2}
          proOptions={proOptions}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
          {showMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={minimapStyle} />}
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </EdgeLabelLayerProvider>
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
