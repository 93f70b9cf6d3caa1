import type { GraphDoc } from "../../shared/graph-doc";
import type { Problem } from "../../shared/problem";
import { settingsApi } from "../client/settings-api";
import { useGraphStore } from "../stores/graph-store";
import { problemsOf, type ProblemIndex } from "../stores/problems";
import { useProblemsStore } from "../stores/problems-store";
import { runEvent, useRunStore } from "../stores/run-store";
import { showToast, useUiStore } from "../stores/ui-store";

/**
 * What only the server can say before a run (POST /switchyard/preflight): a provider without a
 * key, code that QuickJS does not compile. Asked for shortly after the document changes (and after
 * the settings change); its problems join the validator's in the problems store, so they show on
 * the node, in the inspector and in PROBLEMS before Run is pressed.
 */
export const PREFLIGHT_DELAY_MS = 400;

let serverProblems: Problem[] = [];
const merged = new WeakSet<ProblemIndex>();

/** Whether the document has anything only the server can check (remote models, code). */
export function needsPreflight(doc: GraphDoc): boolean {
  return doc.nodes.some((node) => (node.kind === "llm" && node.config.provider !== "scripted") || node.kind === "code" || (node.kind === "tools" && node.config.tools.some((tool) => tool.kind === "code")));
}

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

function applyServerProblems(): void {
  const { doc, index } = useProblemsStore.getState();
  if (merged.has(index)) return;
  // Node ids come from the open document: the validator may not have caught up with it yet.
  const next = withServerProblems(problemsOf(doc), useGraphStore.getState().doc ?? doc, serverProblems);
  merged.add(next);
  if (next !== index) useProblemsStore.setState({ index: next });
}

/** Asks the server about the open document now. */
export async function refreshPreflight(): Promise<void> {
  const doc = useGraphStore.getState().doc;
  if (!doc || !needsPreflight(doc) || problemsOf(doc).all.length > 0) {
    serverProblems = [];
  } else {
    try {
      const answer = await settingsApi.preflight({ doc });
      if (useGraphStore.getState().doc !== doc) return;
      serverProblems = answer.problems;
    } catch {
      // A server without the preflight route (a LangGraph deployment) has nothing to add.
      serverProblems = [];
    }
  }
  const index = useProblemsStore.getState().index;
  merged.delete(index);
  applyServerProblems();
}

/**
 * The check Run makes after saving: the server's preflight of the saved graph. When it finds
 * problems the run is refused here, with the problems on their nodes and in PROBLEMS, rather than
 * as a failed run. A server without the route (a LangGraph deployment) lets the run go.
 */
export async function refusedByPreflight(): Promise<boolean> {
  const doc = useGraphStore.getState().doc;
  if (!doc || !needsPreflight(doc)) return false;
  await refreshPreflight();
  const problems = serverProblems;
  if (problems.length === 0) return false;
  const text = `Run refused: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`;
  useRunStore.setState((state) => ({ status: "idle", events: [...state.events, runEvent({ kind: "refused", node: problems[0].nodeId, text })] }));
  useUiStore.setState({ bottomOpen: true, bottomTab: "problems" });
  showToast(text, "error", 6000);
  return true;
}

let started = false;
/** Follows the open document (and the validator's results) for as long as the app runs. */
export function startPreflight(): void {
  if (started) return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  useGraphStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refreshPreflight(), PREFLIGHT_DELAY_MS);
  });
  // The validator replaces the index after each edit; put the server's problems back on it.
  useProblemsStore.subscribe(applyServerProblems);
}
