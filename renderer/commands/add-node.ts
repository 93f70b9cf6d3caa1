import type { GraphNode } from "../../shared/graph-doc";
import { nodeKinds, type NodeKindName } from "../../shared/node-kinds";
import { docCommand } from "./command";
import { freeNodeId } from "./node-ids";

export interface AddNodeInput {
  kind: NodeKindName;
  position: { x: number; y: number };
  id?: string;
}

const baseIds: Record<NodeKindName, string> = { llm: "agent", tools: "tools", human: "ask_human", set: "set_fields", code: "code", subgraph: "subgraph" };

/** Adds a node of a kind with its default config and selects it. Enters history. */
export const addNode = docCommand<AddNodeInput>({
  title: "Add node",
  entersHistory: true,
  apply(doc, { kind, position, id }) {
    const nodeId = freeNodeId(doc, id ?? baseIds[kind]);
    const node = {
      id: nodeId,
      kind,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      config: nodeKinds[kind].defaults(),
      ...(kind === "human" ? { breakpoint: { before: true } } : {}),
    } as GraphNode;
    return { doc: { ...doc, nodes: [...doc.nodes, node] }, select: { nodes: [nodeId] } };
  },
});
