import { switchyardApi } from "../client/switchyard-api";
import { useGraphStore } from "../stores/graph-store";
import { askText, showToast } from "../stores/ui-store";
import { graphNameProblem } from "./graph-name";
import { openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";
import { saveGraph } from "./save-graph";

/** Renames a graph file (saving it first when it is open with edits). */
export async function renameGraph(name: string): Promise<void> {
  const to = await askText({ title: `Rename "${name}"`, label: "New name", initial: name, confirmLabel: "Rename", validate: (value) => graphNameProblem(value, name) });
  if (!to || to === name) return;
  const isOpen = useGraphStore.getState().graphName === name;
  if (isOpen) await saveGraph();
  try {
    await switchyardApi.renameGraph(name, to);
    await refreshWorkspace();
    if (isOpen) await openGraph(to, { keepEdits: true });
  } catch (error) {
    showToast(`Could not rename "${name}": ${(error as Error).message}`, "error");
  }
}
