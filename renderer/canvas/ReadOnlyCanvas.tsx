import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, type EdgeTypes, type NodeTypes, type OnSelectionChangeFunc, type ReactFlowInstance } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { CodeGraphBanner } from "../panels/code-graph/CodeGraphBanner";
import { selectOnly } from "../stores/graph-store";
import { useReadOnlyGraph, type ReadOnlyFlowEdge, type ReadOnlyFlowNode } from "../stores/read-only-graph-store";
import { useUiStore } from "../stores/ui-store";
import { canvasApi } from "./canvas-api";
import { Canvas } from "./Canvas";
import { EdgeLabelLayerProvider, useEdgeLabelLayer } from "./EdgeLabelPortal";
import { ReadOnlyEdge } from "./ReadOnlyEdge";
import { ReadOnlyGroupView, ReadOnlyNodeView } from "./ReadOnlyNodeView";
import { TerminalNodeView } from "./TerminalNodeView";
import "../styles/read-only.css";

/** Module-level so React Flow never sees a new object. */
const nodeTypes: NodeTypes = { codeNode: ReadOnlyNodeView, codeGroup: ReadOnlyGroupView, start: TerminalNodeView, end: TerminalNodeView } as NodeTypes;
const edgeTypes: EdgeTypes = { codeEdge: ReadOnlyEdge } as EdgeTypes;
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const proOptions = { hideAttribution: true };
const fitViewOptions = { padding: 0.2, maxZoom: 1.2 };
const minimapStyle = { width: 168, height: 110 };

/** The editor's canvas, or the read-only one when the open graph is defined in code or deployed. */
export function GraphCanvas() {
  const readOnly = useReadOnlyGraph((state) => !!state.view);
  return readOnly ? <ReadOnlyCanvas /> : <Canvas />;
}

/** A graph drawn from LangGraph's getGraph: selectable and debuggable, not editable. */
export function ReadOnlyCanvas() {
  const { nodes, edges, onNodesChange, drawing, graphName } = useReadOnlyGraph(
    useShallow((state) => ({ nodes: state.nodes, edges: state.edges, onNodesChange: state.onNodesChange, drawing: state.drawing, graphName: state.view?.graphName })),
  );
  const theme = useUiStore((state) => state.theme);
  const minimap = useUiStore((state) => state.minimap) ?? true;
  const [instance, setInstance] = useState<ReactFlowInstance<ReadOnlyFlowNode, ReadOnlyFlowEdge> | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const labelLayer = useEdgeLabelLayer(frame, graphName);
  const onInit = useCallback((flow: ReactFlowInstance<ReadOnlyFlowNode, ReadOnlyFlowEdge>) => {
    setInstance(flow);
    canvasApi.attach(flow as unknown as Parameters<typeof canvasApi.attach>[0]);
  }, []);
  useEffect(() => () => canvasApi.attach(null), []);
  // A reload of the code redraws the graph: show all of it again.
  useEffect(() => {
    if (instance && drawing) requestAnimationFrame(() => void instance.fitView(fitViewOptions));
  }, [instance, drawing]);
  // The debugger's shortcuts (F9 and friends) act on the graph store's selection: mirror it there.
  const onSelectionChange: OnSelectionChangeFunc<ReadOnlyFlowNode, ReadOnlyFlowEdge> = useCallback(({ nodes: selected }) => {
    selectOnly({ nodes: selected.filter((node) => !node.data.item.parent).map((node) => node.data.item.top) });
  }, []);
  return (
    <div ref={frame} className="sy-canvas is-read-only" aria-label="Graph canvas" role="region" data-read-only="true">
      <CodeGraphBanner />
      <EdgeLabelLayerProvider value={labelLayer}>
        <ReactFlow<ReadOnlyFlowNode, ReadOnlyFlowEdge>
          key={graphName ?? "none"}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onSelectionChange={onSelectionChange}
          onInit={onInit}
          defaultEdgeOptions={defaultEdgeOptions}
          colorMode={theme}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
          maxZoom={2}
          proOptions={proOptions}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
          {minimap && <MiniMap pannable zoomable nodeStrokeWidth={0} ariaLabel="Minimap" style={minimapStyle} />}
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </EdgeLabelLayerProvider>
    </div>
  );
}
