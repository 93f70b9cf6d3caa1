import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { DrawnEdge } from "./DrawnEdge";
import { DrawnGroupView, DrawnNodeView } from "./DrawnNodeView";
import { GraphNodeView } from "./GraphNodeView";
import { RuleEdge } from "./RuleEdge";
import { TerminalNodeView } from "./TerminalNodeView";
import "../styles/drawn-graph.css";

/**
 * Module-level so React Flow never sees a new object (which would remount every node). A
 * document's nodes are drawn by kind; a drawing from LangGraph's getGraph (code and deployed
 * graphs) by `drawnNode` / `drawnGroup` (a subgraph's frame around its inner nodes).
 */
export const nodeTypes: NodeTypes = {
  llm: GraphNodeView,
  tools: GraphNodeView,
  human: GraphNodeView,
  set: GraphNodeView,
  code: GraphNodeView,
  subgraph: GraphNodeView,
  start: TerminalNodeView,
  end: TerminalNodeView,
  drawnNode: DrawnNodeView,
  drawnGroup: DrawnGroupView,
} as NodeTypes;

export const edgeTypes: EdgeTypes = { rule: RuleEdge, drawnEdge: DrawnEdge } as EdgeTypes;
