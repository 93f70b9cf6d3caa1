import { END, type GraphDoc } from "../../shared/graph-doc";
import { validateGraphDoc } from "../../shared/graph-validate";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import type { Problem } from "../../shared/problem";
import type { OpenGraph } from "./open-graph-store";
import { workspaceGraphs } from "./workspace-graphs-store";

export interface ProblemIndex {
  all: Problem[];
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
  /** Problems about the graph as a whole (state schema, entry). */
  general: Problem[];
}

const EMPTY: ProblemIndex = { all: [], byNode: new Map(), byEdge: new Map(), general: [] };
// Per document, the index and the workspace it was computed with.
const cache = new WeakMap<GraphDoc, { workspace: WorkspaceGraphs | undefined; index: ProblemIndex }>();

/**
 * The shared validator's problems for a document, indexed for the canvas. With the workspace's
 * graphs (by default the ones last read), subgraph nodes are checked against them. An edge that
 * cannot be drawn (its end is missing) reports on its source node too, so the problem stays visible.
 */
export function problemsOf(doc: GraphDoc | null, workspace: WorkspaceGraphs | undefined = workspaceGraphs()): ProblemIndex {
  if (!doc) return EMPTY;
  const hit = cache.get(doc);
  if (hit && hit.workspace === workspace) return hit.index;
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

const loadErrors = new WeakMap<OpenGraph, ProblemIndex>();

/**
 * A graph defined in code or deployed has no document to validate: its one problem is why it
 * cannot be drawn (a module that fails to load, an unreachable server), if anything.
 */
export function loadErrorProblems(graph: OpenGraph): ProblemIndex {
  if (!graph.error) return EMPTY;
  const hit = loadErrors.get(graph);
  if (hit) return hit;
  const general = [{ path: (graph.source.kind === "code" ? graph.source.file : undefined) ?? graph.name, message: graph.error }];
  const index = { all: general, byNode: new Map(), byEdge: new Map(), general };
  loadErrors.set(graph, index);
  return index;
}

/** The open graph's problems now: the validator's on its document, or its load error. */
export function problemsOfOpenGraph(view: { graph: OpenGraph | null; doc: GraphDoc | null }): ProblemIndex {
  if (view.graph && view.graph.source.kind !== "workspace") return loadErrorProblems(view.graph);
  return problemsOf(view.doc);
}

/** The node a problem is about, directly or through its edge. */
export function problemNode(doc: GraphDoc, problem: Problem): string | undefined {
  if (problem.nodeId) return problem.nodeId;
  const edge = problem.edgeId ? doc.edges.find((candidate) => candidate.id === problem.edgeId) : undefined;
  return edge?.source;
}
