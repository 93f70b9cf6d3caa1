import { END, type GraphDoc } from "../../shared/graph-doc";
import { validateGraphDoc } from "../../shared/graph-validate";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import type { Problem } from "../../shared/problem";
import { workspaceGraphs } from "./workspace-graphs-store";

export interface ProblemIndex {
  all: Problem[];
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
  /** Problems about the graph as a whole (state schema, entry). */
  general: Problem[];
}

const EMPTY: ProblemIndex = { all: [], byNode: new Map(), byEdge: new Map(), general: [] };
// Per document, the index and the workspace it was computed with (a preset index stands for any workspace).
const cache = new WeakMap<GraphDoc, { workspace: WorkspaceGraphs | undefined | "preset"; index: ProblemIndex }>();

/**
 * The shared validator's problems for a document, indexed for the canvas. With the workspace's
 * graphs (by default the ones last read), subgraph nodes are checked against them. An edge that
 * cannot be drawn (its end is missing) reports on its source node too, so the problem stays visible.
 */
export function problemsOf(doc: GraphDoc | null, workspace: WorkspaceGraphs | undefined = workspaceGraphs()): ProblemIndex {
  if (!doc) return EMPTY;
  const hit = cache.get(doc);
  if (hit && (hit.workspace === "preset" || hit.workspace === workspace)) return hit.index;
  const all = validateGraphDoc(doc, workspace).problems;
  const ids = new Set(doc.nodes.map((node) => node.id));
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  const general: Problem[] = [];
  const add = (map: Map<string, Problem[]>, key: string, problem: Problem) => map.set(key, [...(map.get(key) ?? []), problem]);
  for (const problem of all) {
    if (problem.nodeId) add(byNode, problem.nodeId, problem);
    if (problem.edgeId) {
      add(byEdge, problem.edgeId, problem);
      const edge = doc.edges.find((candidate) => candidate.id === problem.edgeId);
      const drawable = edge && ids.has(edge.source) && (ids.has(edge.target) || edge.target === END);
      if (edge && !drawable && ids.has(edge.source)) add(byNode, edge.source, problem);
    }
    if (!problem.nodeId && !problem.edgeId) general.push(problem);
  }
  const index = { all, byNode, byEdge, general };
  cache.set(doc, { workspace, index });
  return index;
}

/**
 * What stands for the validator's word on a document the validator cannot judge: the shadow
 * document of a code graph that does not load, whose one problem is the load error.
 */
export function presetProblems(doc: GraphDoc, general: Problem[]): void {
  cache.set(doc, { workspace: "preset", index: { all: general, byNode: new Map(), byEdge: new Map(), general } });
}

/** The node a problem is about, directly or through its edge. */
export function problemNode(doc: GraphDoc, problem: Problem): string | undefined {
  if (problem.nodeId) return problem.nodeId;
  const edge = problem.edgeId ? doc.edges.find((candidate) => candidate.id === problem.edgeId) : undefined;
  return edge?.source;
}
