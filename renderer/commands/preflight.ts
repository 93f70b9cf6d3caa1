import type { GraphDoc } from "../../shared/graph-doc";
import type { Problem } from "../../shared/problem";
import { settingsApi } from "../client/settings-api";
import { useGraphStore } from "../stores/graph-store";
import { problemsOf } from "../stores/problems";
import { useProblemsStore } from "../stores/problems-store";
import { runEvent, useRunStore } from "../stores/run-store";
import { showToast, useUiStore } from "../stores/ui-store";

/**
 * What only the server can say before a run (POST /switchyard/preflight): a provider without a
 * key, code that QuickJS does not compile. Asked for shortly after the document changes (and after
 * the settings change); the problems store keeps them beside the validator's, and the index
 * computed from both shows them on the node, in the inspector and in PROBLEMS before Run is pressed.
 */
export const PREFLIGHT_DELAY_MS = 400;

/** Whether the document has anything only the server can check (remote models, code, secrets of http tools, MCP servers). */
export function needsPreflight(doc: GraphDoc): boolean {
  return doc.nodes.some((node) => (node.kind === "llm" && node.config.provider !== "scripted") || node.kind === "code" || (node.kind === "tools" && node.config.tools.some((tool) => tool.kind !== "mock")));
}

/** Asks the server about the open document now; its answer becomes the problems store's server problems. */
export async function refreshPreflight(): Promise<readonly Problem[]> {
  const doc = useGraphStore.getState().doc;
  let problems: Problem[] = [];
  if (doc && needsPreflight(doc) && problemsOf(doc).all.length === 0) {
    try {
      problems = (await settingsApi.preflight({ doc })).problems;
      if (useGraphStore.getState().doc !== doc) return useProblemsStore.getState().serverProblems;
    } catch {
      // A server without the preflight route (a LangGraph deployment) has nothing to add.
    }
  }
  const current = useProblemsStore.getState().serverProblems;
  if (problems.length || current.length) useProblemsStore.setState({ serverProblems: problems });
  return problems;
}

/**
 * The check Run makes after saving: the server's preflight of the saved graph. When it finds
 * problems the run is refused here, with the problems on their nodes and in PROBLEMS, rather than
 * as a failed run. A server without the route (a LangGraph deployment) lets the run go.
 */
export async function refusedByPreflight(): Promise<boolean> {
  const doc = useGraphStore.getState().doc;
  if (!doc || !needsPreflight(doc)) return false;
  const problems = await refreshPreflight();
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
}
