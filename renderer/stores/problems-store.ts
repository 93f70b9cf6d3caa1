import { create } from "zustand";
import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import type { Problem } from "../../shared/problem";
import { useGraphStore } from "./graph-store";
import { useOpenGraph, type OpenGraph } from "./open-graph-store";
import { loadErrorProblems, problemsOf, type ProblemIndex } from "./problems";
import { useWorkspaceGraphsStore, workspaceGraphs } from "./workspace-graphs-store";

/**
 * The open graph's problems, from two sources: the shared validator (run off the interaction
 * path, once the document has been still for a moment) and the server's preflight (what only the
 * server can say: a provider without a key, code that does not compile). The store holds the
 * inputs; the index the canvas and panels read is computed from them (`problemIndex`).
 */
export interface ProblemsState {
  /** The document the validator last looked at (it lags edits by VALIDATE_DELAY_MS). */
  validatedDoc: GraphDoc | null;
  /** The server's preflight problems for the open document. */
  serverProblems: readonly Problem[];
}

export const VALIDATE_DELAY_MS = 120;

export const useProblemsStore = create<ProblemsState>()(() => ({ validatedDoc: null, serverProblems: [] }));

/** The validator's index with the server's problems added (on nodes that still exist). */
export function withServerProblems(local: ProblemIndex, doc: GraphDoc | null, extra: readonly Problem[]): ProblemIndex {
  const ids = new Set(doc?.nodes.map((node) => node.id) ?? []);
  const kept = extra.filter((problem) => !problem.nodeId || ids.has(problem.nodeId));
  if (kept.length === 0) return local;
  const byNode = new Map(local.byNode);
  const general = [...local.general];
  for (const problem of kept) {
    if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    else general.push(problem);
  }
  return { all: [...local.all, ...kept], byNode, byEdge: local.byEdge, general };
}

// One index per (document, server problems): selectors get the same object until either changes.
const merged = new WeakMap<readonly Problem[], { doc: GraphDoc | null; local: ProblemIndex; index: ProblemIndex }>();

/**
 * Every problem of the open graph, indexed by node and edge: derived, never stored. `workspace`:
 * the workspace's graphs the validator checks subgraph nodes against (read from their store, not copied).
 */
export function problemIndex(state: ProblemsState, workspace: WorkspaceGraphs | undefined = workspaceGraphs()): ProblemIndex {
  const { validatedDoc: doc, serverProblems } = state;
  const local = problemsOf(doc, workspace);
  if (serverProblems.length === 0) return local;
  const hit = merged.get(serverProblems);
  if (hit && hit.doc === doc && hit.local === local) return hit.index;
  // Node ids come from the open document: the validator may not have caught up with it yet.
  const index = withServerProblems(local, useGraphStore.getState().doc ?? doc, serverProblems);
  merged.set(serverProblems, { doc, local, index });
  return index;
}

/** The open graph's problems: the validator's and the server's for a workspace graph, the load error of one defined elsewhere. */
function openGraphProblemIndex(state: ProblemsState, graph: OpenGraph | null, workspace: WorkspaceGraphs | undefined): ProblemIndex {
  return graph && graph.source.kind !== "workspace" ? loadErrorProblems(graph) : problemIndex(state, workspace);
}

export const currentProblemIndex = (): ProblemIndex => openGraphProblemIndex(useProblemsStore.getState(), useOpenGraph.getState().graph, workspaceGraphs());

/** A slice of the problem index, for components (re-renders only when that slice changes). */
export function useProblems<T>(select: (index: ProblemIndex) => T): T {
  const graph = useOpenGraph((state) => state.graph);
  // Another graph saved or changed on disk: the subgraph checks of the open one may say otherwise now.
  const workspace = useWorkspaceGraphsStore((state) => state.graphs);
  return useProblemsStore((state) => select(openGraphProblemIndex(state, graph, workspace)));
}

/**
 * Runs the validator on the open document for as long as the app runs: right after the first
 * paint of a freshly opened graph (parsing a big graph takes tens of milliseconds the nodes need
 * not wait for), after a short pause for edits. Returns the stop function.
 */
export function startValidation(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const stop = useGraphStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    clearTimeout(timer);
    const current = ++generation;
    const update = () => {
      if (current === generation) useProblemsStore.setState({ validatedDoc: useGraphStore.getState().doc });
    };
    const opened = state.graphName !== previous.graphName || !previous.doc;
    if (opened) afterNextPaint(update);
    else timer = setTimeout(update, VALIDATE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** After the browser has painted its next frame; outside a browser (unit tests), on the next turn. */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
