import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { GraphNodeView } from "./GraphNodeView";
import { RuleEdge } from "./RuleEdge";
import { TerminalNodeView } from "./TerminalNodeView";

/** Module-level so React Flow never sees a new object (which would remount every node). */
export const nodeTypes: NodeTypes = {
  llm: GraphNodeView,
  tools: GraphNodeView,
  human: GraphNodeView,
  set: GraphNodeView,
  code: GraphNodeView,
  start: TerminalNodeView,
  end: TerminalNodeView,
} as NodeTypes;

export const edgeTypes: EdgeTypes = { rule: RuleEdge } as EdgeTypes;
