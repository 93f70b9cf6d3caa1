import { layoutDoc } from "../canvas/layout";
import { useGraphStore } from "../stores/graph-store";
import { isEditableGraph } from "../stores/open-graph-store";
import { redrawGraph } from "./code-graph/open-drawn-graph";
import { moveNodes } from "./move-nodes";

/** Lays the open graph out: a document in one undo step; a drawing afresh (its positions are never saved). */
export async function autoLayout(): Promise<void> {
  if (!isEditableGraph()) return redrawGraph();
  const { doc } = useGraphStore.getState();
  if (!doc || doc.nodes.length === 0) return;
  const positions = await layoutDoc(doc);
  if (useGraphStore.getState().doc !== doc) return; // edited meanwhile: the layout is stale
  moveNodes.run({ positions });
}
