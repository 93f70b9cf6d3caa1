import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { benchGraph } from "../canvas-graph";

/** The baseline: React Flow's default nodes and edges with the same graph, state in useState as in its docs. */
const count = Number(new URLSearchParams(location.search).get("n") ?? "100");
const graph = benchGraph(count);
const initialNodes: Node[] = graph.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.id }, style: { width: 220, height: 64 } }));
initialNodes.push({ id: "__end__", position: { x: 0, y: -200 }, data: { label: "END" }, type: "output" });
const edges: Edge[] = graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, label: edge.label }));

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.1} />;
}

createRoot(document.getElementById("root")!).render(<Bare />);
