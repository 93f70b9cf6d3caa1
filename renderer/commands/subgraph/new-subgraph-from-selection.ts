import { switchyardApi } from "../../client/switchyard-api";
import { commitDoc, useGraphStore } from "../../stores/graph-store";
import { isEditableGraph } from "../../stores/open-graph-store";
import { askText, showToast } from "../../stores/ui-store";
import { setWorkspaceGraph, workspaceGraphs } from "../../stores/workspace-graphs-store";
import { freeGraphName, graphNameProblem } from "../graph-name";
import { isValidNodeId } from "../node-ids";
import { refreshWorkspace } from "../refresh-workspace";
import { extractSubgraph, SubgraphSelectionError } from "./extract-subgraph";

/** Why a name cannot be the new subgraph's (it names a graph file and the subgraph node). */
export function subgraphNameProblem(name: string): string | null {
  return graphNameProblem(name) ?? (isValidNodeId(name) ? null : "Start with a letter or _, then letters, digits, _ or - (it also names the node).");
}

/**
 * "New subgraph from selection": asks for the new graph's name, writes the selected nodes as that
 * graph's file, then replaces them in the open graph by one subgraph node running it: one undo
 * step. Undo puts the nodes back and leaves the new file on disk, a graph of its own that nothing
 * runs: harmless, and redo finds it again (deleting it on undo would lose what was edited inside).
 */
export async function newSubgraphFromSelection(selected: readonly string[]): Promise<void> {
  const { doc } = useGraphStore.getState();
  if (!doc || !isEditableGraph()) return;
  try {
    extractSubgraph(doc, selected, "check"); // the selection is refused before a name is asked
  } catch (error) {
    if (error instanceof SubgraphSelectionError) return showToast(`Cannot make a subgraph: ${error.message}`, "error", 6000);
    throw error;
  }
  const name = await askText({ title: "New subgraph from selection", label: "Name of the new graph", initial: freeGraphName("subgraph"), confirmLabel: "Create subgraph", validate: subgraphNameProblem });
  if (!name) return;
  const current = useGraphStore.getState().doc;
  if (!current) return;
  let result;
  try {
    result = extractSubgraph(current, selected, name, workspaceGraphs());
  } catch (error) {
    if (error instanceof SubgraphSelectionError) return showToast(`Cannot make a subgraph: ${error.message}`, "error", 6000);
    throw error;
  }
  try {
    await switchyardApi.createGraph(name, result.child);
  } catch (error) {
    return showToast(`Could not create "${name}": ${(error as Error).message}`, "error");
  }
  setWorkspaceGraph(name, result.child);
  void refreshWorkspace();
  // The document may have changed while the file was written: only the document it was made from is replaced.
  if (useGraphStore.getState().doc !== current) return showToast(`"${name}" was created; the graph changed meanwhile, so its nodes were left in place.`, "info", 6000);
  commitDoc(result.parent, { history: true, select: { nodes: [result.nodeId] } });
  showToast(`Moved ${selected.length} node${selected.length === 1 ? "" : "s"} into "${name}" (${name}.graph.json).`, "success");
}
