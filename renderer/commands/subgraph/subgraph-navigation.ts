import { switchyardApi } from "../../client/switchyard-api";
import { loadDoc, parkDoc, unparkDoc, useGraphStore, type ParkedDoc } from "../../stores/graph-store";
import { enterSubgraph, isEditableGraph, leaveToDepth, subgraphDepth, useOpenGraph } from "../../stores/open-graph-store";
import { showToast } from "../../stores/ui-store";
import { hasUnsavedEdits } from "../../stores/unsaved-edits";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { saveGraph } from "../save-graph";

/**
 * Opening a subgraph node shows its graph in the editor: a step down the open graph's path
 * (`agent > researcher`). The graph above is saved first, then parked with its undo history, so
 * each file keeps its own undo; going back saves the graph on screen and brings the parked one
 * back (re-read from disk instead when the file changed meanwhile).
 */
const parked: ParkedDoc[] = [];

/** Why a subgraph node cannot be opened; nothing changed. */
export class SubgraphOpenError extends Error {
  override name = "SubgraphOpenError";
}

/** The graph a subgraph node of the document on screen runs, or why it cannot be opened. */
export function subgraphToOpen(nodeId: string): string {
  const { doc } = useGraphStore.getState();
  const node = doc?.nodes.find((candidate) => candidate.id === nodeId);
  if (node?.kind !== "subgraph") throw new SubgraphOpenError(`"${nodeId}" is not a subgraph node`);
  const graph = node.config.graph;
  if (!graph) throw new SubgraphOpenError(`subgraph node "${nodeId}" runs no graph yet: choose one in the inspector first`);
  const { path } = useOpenGraph.getState();
  if (path.slice(0, subgraphDepth() + 1).includes(graph)) throw new SubgraphOpenError(`"${graph}" is already open above (${path.join(" > ")}): a graph cannot run itself`);
  const info = useWorkspaceStore.getState().graphs.find((candidate) => candidate.name === graph);
  if (!info) throw new SubgraphOpenError(`subgraph node "${nodeId}" runs "${graph}", which is not a graph of this workspace`);
  if (info.source === "code") throw new SubgraphOpenError(`"${graph}" is defined in code: open it from the sidebar`);
  return graph;
}

/** Opens the graph a subgraph node runs (double-click, Enter, "Open subgraph"). */
export async function openSubgraph(nodeId: string): Promise<void> {
  if (!isEditableGraph()) return;
  try {
    const graph = subgraphToOpen(nodeId);
    await saveFirst();
    const file = await switchyardApi.readGraph(graph);
    const depth = subgraphDepth();
    const current = parkDoc();
    if (!current) return;
    parked.splice(depth, parked.length, current);
    loadDoc(file.name, file.doc, file.hash, file.doc ? [] : file.problems, file.text);
    enterSubgraph(file.name, nodeId);
  } catch (error) {
    showToast(`Could not open the subgraph: ${(error as Error).message}`, "error");
  }
}

/** Back up the path to the graph at `depth` (a crumb; Esc and Alt+Left go one up). */
export async function leaveSubgraph(depth = subgraphDepth() - 1): Promise<void> {
  const { path } = useOpenGraph.getState();
  if (depth < 0 || depth >= subgraphDepth()) return;
  try {
    await saveFirst();
    const name = path[depth];
    const file = await switchyardApi.readGraph(name);
    const kept = parked[depth];
    if (kept?.graphName === name && kept.hash === file.hash) unparkDoc(kept);
    else loadDoc(file.name, file.doc, file.hash, file.doc ? [] : file.problems, file.text);
    parked.length = depth;
    leaveToDepth(depth);
  } catch (error) {
    showToast(`Could not go back to "${path[depth]}": ${(error as Error).message}`, "error");
  }
}

/** The graph on screen is on disk before another takes its place; a failed save keeps it on screen. */
async function saveFirst(): Promise<void> {
  await saveGraph();
  const { graphName } = useGraphStore.getState();
  if (hasUnsavedEdits() || useWorkspaceStore.getState().conflict) throw new SubgraphOpenError(`"${graphName}" has edits that could not be saved; save it first`);
}
