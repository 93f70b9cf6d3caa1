import type { GraphDoc } from "../../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../../shared/graph-validate";
import { graphOf } from "../../../shared/graph-validate-subgraphs";
import { resolveNodePath } from "../../../shared/node-paths";
import { pathLabel, type InnerPause, type SubgraphCheckpoint } from "../../stores/run-pause";

/** What the state editor edits at a pause inside a subgraph: that subgraph's document, state and checkpoint. */
export interface InsideState {
  /** The subgraph node's path (`research`) and the document it runs: "Apply as" lists its nodes. */
  label: string;
  path: string[];
  doc: GraphDoc;
  values: Record<string, unknown>;
  checkpoint: SubgraphCheckpoint;
  /** The node "Apply as" proposes: the inner node the run paused at. */
  asNode: string;
}

export function insideStateOf(doc: GraphDoc, inner: InnerPause, graphs: WorkspaceGraphs | undefined): InsideState | null {
  const found = resolveNodePath(doc, pathLabel(inner.path), graphs);
  if (!found) return null;
  const path = inner.path.slice(0, -1);
  return { label: pathLabel(path), path, doc: found.doc, values: inner.values, checkpoint: inner.checkpoint, asNode: found.nodeId };
}

/** The document a subgraph node path runs: [research] -> researcher. */
export function subgraphDocAt(doc: GraphDoc, path: string[], graphs: WorkspaceGraphs | undefined): GraphDoc | undefined {
  let current: GraphDoc | undefined = doc;
  for (const id of path) {
    const node = current?.nodes.find((candidate) => candidate.id === id);
    if (!current || node?.kind !== "subgraph" || !graphs) return undefined;
    current = graphOf(node.config.graph, current, graphs);
  }
  return current;
}
