import type { GraphFileResponse, WorkspaceInfo } from "../../shared/api";
import { switchyardApi } from "../client/switchyard-api";

/**
 * The two requests every start makes, sent before React mounts and side by side: the workspace
 * list and the graph named in the URL. Without this the graph was asked for only after the list
 * had arrived and the first render had run. Each answer is used once, by the first caller.
 */
let workspace: Promise<WorkspaceInfo> | null = null;
let graph: { name: string; file: Promise<GraphFileResponse> } | null = null;

export function prefetchStartup(graphName: string | null): void {
  workspace = quiet(switchyardApi.workspace());
  graph = graphName ? { name: graphName, file: quiet(switchyardApi.readGraph(graphName)) } : null;
}

export function takePrefetchedWorkspace(): Promise<WorkspaceInfo> | null {
  const taken = workspace;
  workspace = null;
  return taken;
}

export function takePrefetchedGraph(name: string): Promise<GraphFileResponse> | null {
  const taken = graph?.name === name ? graph.file : null;
  graph = null;
  return taken;
}

/** An answer nobody takes (the URL named a graph that is gone) must not surface as an unhandled rejection. */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
