import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";

/** What the engine needs of a workspace to find the graphs subgraph nodes run (main/workspace's Workspace fits). */
export interface GraphSource {
  listGraphs(): Promise<Array<{ name: string; doc?: GraphDoc }>>;
}

/** Every graph of the workspace by id (undefined for a file that does not match the schema): what compile and validate take. */
export async function workspaceGraphs(source: GraphSource): Promise<WorkspaceGraphs> {
  return new Map((await source.listGraphs()).map((entry) => [entry.name, entry.doc]));
}
