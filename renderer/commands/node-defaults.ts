import { nodeKinds, type NodeKindName } from "../../shared/node-kinds";

export function defaultsOf(kind: NodeKindName): unknown {
  return nodeKinds[kind].defaults();
}
