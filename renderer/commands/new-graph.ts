import { switchyardApi } from "../client/switchyard-api";
import { askText, showToast } from "../stores/ui-store";
import { freeGraphName, graphNameProblem } from "./graph-name";
import { openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";

/** Asks for a name, creates an empty graph file (POST /switchyard/graphs) and opens it. */
export async function newGraph(): Promise<void> {
  const name = await askText({
    title: "New graph",
    label: "Graph name",
    initial: freeGraphName("agent"),
    confirmLabel: "Create",
    validate: (value) => graphNameProblem(value),
  });
  if (!name) return;
  try {
    await switchyardApi.createGraph(name);
    await refreshWorkspace();
    await openGraph(name);
  } catch (error) {
    showToast(`Could not create "${name}": ${(error as Error).message}`, "error");
  }
}
