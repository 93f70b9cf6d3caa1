import { selectOnly } from "../stores/graph-store";

/** Selects one node or edge (from the problems list, the rule list, a search). Never enters history. */
export function selectElement(target: { nodeId?: string; edgeId?: string }): void {
  selectOnly({ nodes: target.nodeId ? [target.nodeId] : [], edges: target.edgeId ? [target.edgeId] : [] });
}
