import { create } from "zustand";
import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";

/**
 * The documents of the workspace's graphs as last read from disk, for what needs the other graphs:
 * the validator's subgraph checks (the named graph exists, no cycle, shared fields agree), the
 * inspector's graph picker and a for-each edge into a subgraph node. A file that does not match the
 * schema maps to undefined, as the validator expects.
 */
export interface WorkspaceGraphsState {
  /** Undefined until the workspace has been read: the subgraph checks wait rather than call every graph missing. */
  graphs: WorkspaceGraphs | undefined;
}

export const useWorkspaceGraphsStore = create<WorkspaceGraphsState>()(() => ({ graphs: undefined }));

export const workspaceGraphs = (): WorkspaceGraphs | undefined => useWorkspaceGraphsStore.getState().graphs;

/** Replaces the known documents (a new map, so that selectors and caches see the change). */
export function setWorkspaceGraphs(entries: Iterable<readonly [string, GraphDoc | undefined]>): void {
  useWorkspaceGraphsStore.setState({ graphs: new Map(entries) });
}

/** One graph's document changed (saved, created): the others stay. */
export function setWorkspaceGraph(name: string, doc: GraphDoc | undefined): void {
  const graphs = new Map(workspaceGraphs() ?? []);
  graphs.set(name, doc);
  useWorkspaceGraphsStore.setState({ graphs });
}
