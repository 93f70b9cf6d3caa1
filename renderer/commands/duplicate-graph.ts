import { switchyardApi } from "../client/switchyard-api";
import { useGraphStore } from "../stores/graph-store";
import { askText, showToast } from "../stores/ui-store";
import { freeGraphName, graphNameProblem } from "./graph-name";
import { openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";
import { saveGraph } from "./save-graph";

/** Copies a graph file under a new name and opens the copy. */
export async function duplicateGraph(name: string): Promise<void> {
  const to = await askText({ title: `Duplicate "${name}"`, label: "Name of the copy", initial: freeGraphName(`${name}-copy`), confirmLabel: "Duplicate", validate: (value) => graphNameProblem(value) });
  if (!to) return;
  if (useGraphStore.getState().graphName === name) await saveGraph();
  try {
    await switchyardApi.duplicateGraph(name, to);
    await refreshWorkspace();
    await openGraph(to);
  } catch (error) {
    showToast(`Could not duplicate "${name}": ${(error as Error).message}`, "error");
  }
}
