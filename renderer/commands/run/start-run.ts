import { openGraphDebugger } from "./open-graph-api";
import { canvasApi } from "../../canvas/canvas-api";
import { useGraphStore } from "../../stores/graph-store";
import { isGraphShown, messagesFieldOfView, openGraphView } from "../../stores/open-graph-facts";
import { problemsOfOpenGraph } from "../../stores/problems";
import { emptyRun, runEvent, useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { showToast, useUiStore } from "../../stores/ui-store";
import { refusedByPreflight } from "../preflight";
import { saveGraph } from "../save-graph";
import { followRun } from "./follow-run";
import { refreshThreads, rememberThread } from "./threads";

export class GraphNotRunnableError extends Error {
  override name = "GraphNotRunnableError";
  constructor(readonly graphName: string, readonly problemCount: number) {
    super(`"${graphName}" has ${problemCount} problem${problemCount === 1 ? "" : "s"}; fix ${problemCount === 1 ? "it" : "them"} (see Problems) before running.`);
  }
}

/** The run input for a chat graph: the text as the first user message. */
export function chatInput(text: string): Record<string, unknown> {
  const field = messagesFieldOfView(openGraphView()) ?? "messages";
  return text.trim() ? { [field]: [{ role: "user", content: text.trim() }] } : {};
}

/**
 * Run: saves the graph, starts a new thread and streams the run with the graph's breakpoints.
 * An invalid graph is refused with a message pointing at Problems.
 */
export async function startRun(input: Record<string, unknown>, label = "", tab: "run" | "events" = "run"): Promise<void> {
  const { graphName } = useGraphStore.getState();
  const view = openGraphView();
  if (!graphName || !isGraphShown(view)) return;
  const problems = problemsOfOpenGraph(view).all;
  if (problems.length > 0) {
    const error = new GraphNotRunnableError(graphName, problems.length);
    useRunStore.setState((state) => ({ status: "idle", events: [...state.events, runEvent({ kind: "refused", text: error.message })] }));
    useUiStore.setState({ bottomOpen: true, bottomTab: "problems" });
    showToast(`Run refused: ${error.message}`, "error", 6000);
    return;
  }
  await saveGraph();
  if (await refusedByPreflight()) return;
  const ui = useUiStore.getState();
  const grow = !ui.bottomOpen || ui.bottomHeight < 300;
  useUiStore.setState({ bottomOpen: true, bottomTab: ui.bottomTab === "problems" ? tab : ui.bottomTab, bottomHeight: Math.max(ui.bottomHeight, 300) });
  // A taller bottom panel shrinks the canvas: keep the whole graph in view for the run.
  if (grow) setTimeout(() => canvasApi.fitView(), 50);
  try {
    const thread = await openGraphDebugger().createThread(graphName);
    useRunStore.setState({ ...emptyRun(), graphName, threadId: thread.thread_id, status: "running", events: [runEvent({ kind: "started", text: `Run of "${graphName}" started${label ? `: ${label}` : ""}` })] });
    useThreadStore.setState({ history: [], innerHistory: [], selectedCheckpoint: null, selectedStep: null });
    rememberThread(thread.thread_id);
    void refreshThreads();
  } catch (error) {
    showToast(`Could not start the run: ${(error as Error).message}`, "error");
    return;
  }
  await followRun({ input });
}
