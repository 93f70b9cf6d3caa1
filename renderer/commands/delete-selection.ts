import { START_EDGE_ID } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { askConfirm } from "../stores/ui-store";
import { deleteElements, nodesWithWork } from "./delete-elements";

/**
 * Deletes the selected nodes and edges. Asks first when a node holds configuration someone
 * wrote (prompts, replies, tools): that is the data an accidental Delete would lose.
 */
export async function deleteSelection(): Promise<void> {
  const { doc, nodes, edges } = useGraphStore.getState();
  if (!doc) return;
  const nodeIds = nodes.filter((node) => node.selected && node.deletable !== false).map((node) => node.id);
  const edgeIds = edges.filter((edge) => edge.selected && edge.id !== START_EDGE_ID).map((edge) => edge.id);
  if (nodeIds.length === 0 && edgeIds.length === 0) return;
  const withWork = nodesWithWork(doc, nodeIds);
  if (withWork.length > 0) {
    const what = nodeIds.length === 1 ? `"${nodeIds[0]}"` : `${nodeIds.length} nodes`;
    const ok = await askConfirm({
      title: `Delete ${what}?`,
      message: `${withWork.map((id) => `"${id}"`).join(", ")} ${withWork.length === 1 ? "has" : "have"} settings you wrote. You can bring ${nodeIds.length === 1 ? "it" : "them"} back with Undo.`,
      confirmLabel: "Delete",
      danger: true,
    });
    if (!ok) return;
  }
  deleteElements.run({ nodes: nodeIds, edges: edgeIds });
}
