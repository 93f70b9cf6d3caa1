import type { ThreadState } from "@langchain/langgraph-sdk";
import { openGraphDebugger } from "./open-graph-api";
import { askConfirm, showToast, useUiStore } from "../../stores/ui-store";
import { emptyRun, errorText, runEvent, useRunStore, type NodeRunStatus, type RunState } from "../../stores/run-store";
import { pauseOfThread, pendingInterruptsOf } from "../../stores/run-pause";
import { useThreadStore } from "../../stores/thread-store";
import { useGraphStore } from "../../stores/graph-store";
import { innerHistoryOf } from "./inner-history";
import { ranNodes, runFromPath } from "./replay-path";

const rememberKey = (graph: string) => `switchyard.thread.${graph}`;

/** Lists the open graph's threads, newest first. */
export async function refreshThreads(): Promise<void> {
  const graphName = useGraphStore.getState().graphName;
  if (!graphName) return useThreadStore.setState({ threads: [] });
  useThreadStore.setState({ loading: true });
  try {
    const threads = await openGraphDebugger().searchThreads(graphName);
    if (useGraphStore.getState().graphName === graphName) useThreadStore.setState({ threads });
  } catch {
    // The list is a convenience: a server that cannot search leaves it as it was.
  } finally {
    useThreadStore.setState({ loading: false });
  }
}

/** Loads the open thread's checkpoints (all branches) for the timeline. */
export async function refreshHistory(): Promise<void> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) return useThreadStore.setState({ history: [], innerHistory: [] });
  try {
    const api = openGraphDebugger();
    const history = await api.history(threadId);
    const innerHistory = await innerHistoryOf(api, threadId, history);
    if (useRunStore.getState().threadId === threadId) useThreadStore.setState({ history, innerHistory });
  } catch {
    useThreadStore.setState({ history: [], innerHistory: [] });
  }
}

/** What a stored thread's state says about where it stopped. */
export function runFromThreadState(threadState: ThreadState, threadStatus: string): Partial<RunState> {
  const nodeStatus: Record<string, NodeRunStatus> = {};
  const failed = threadState.tasks.find((task) => task.error);
  if (failed || threadStatus === "error") {
    if (failed) nodeStatus[failed.name] = "error";
    return { status: "error", nodeStatus, nodeErrors: failed ? { [failed.name]: errorText(failed.error) } : {}, error: failed ? errorText(failed.error) : null, activeNode: failed?.name ?? null };
  }
  const pause = pauseOfThread(threadState);
  if (pause) nodeStatus[pause.node] = "paused";
  const interrupts = pendingInterruptsOf(threadState);
  const lastWriter = Object.keys((threadState.metadata?.writes as Record<string, unknown> | undefined) ?? {})[0] ?? null;
  return { status: pause ? "paused" : threadStatus === "idle" && Object.keys(threadState.values ?? {}).length ? "done" : "idle", pause, interrupts, nodeStatus, activeNode: pause?.node ?? null, lastNode: lastWriter };
}

/** Opens a thread: its state becomes the run panel's, its history the timeline's. */
export async function openThread(threadId: string): Promise<void> {
  const graphName = useGraphStore.getState().graphName;
  try {
    const [thread, threadState] = await Promise.all([openGraphDebugger().getThread(threadId), openGraphDebugger().getState(threadId, undefined, { subgraphs: true })]);
    useRunStore.setState({
      ...emptyRun(),
      graphName,
      threadId,
      threadState,
      ...runFromThreadState(threadState, thread.status),
      events: [runEvent({ kind: "started", text: `Opened thread ${threadId.slice(0, 8)} (${thread.status})` })],
    });
    useThreadStore.setState({ selectedCheckpoint: null, selectedStep: null });
    rememberThread(threadId);
    await refreshHistory();
    const { pause, nodeStatus, threadId: openId } = useRunStore.getState();
    if (openId !== threadId) return;
    const path = ranNodes(useThreadStore.getState().history, threadState.checkpoint?.checkpoint_id ?? undefined);
    useRunStore.setState(runFromPath(path, pause?.kind === "before" ? pause.node : null, nodeStatus));
  } catch (error) {
    showToast(`Could not open the thread: ${(error as Error).message}`, "error");
  }
}

/** Deletes a thread after asking; the open one is closed. */
export async function deleteThread(threadId: string): Promise<void> {
  const ok = await askConfirm({ title: "Delete thread", message: `Delete thread ${threadId.slice(0, 8)} and all its checkpoints?`, confirmLabel: "Delete", danger: true });
  if (!ok) return;
  await openGraphDebugger().deleteThread(threadId);
  if (useRunStore.getState().threadId === threadId) newThread();
  await refreshThreads();
}

/** Closes the open thread: the next Run starts a new one. `forget: false` keeps it for reopening (switching graphs). */
export function newThread({ forget = true }: { forget?: boolean } = {}): void {
  const graphName = useGraphStore.getState().graphName;
  useRunStore.setState({ ...emptyRun(), graphName, threadId: null });
  useThreadStore.setState({ history: [], innerHistory: [], selectedCheckpoint: null, selectedStep: null });
  if (graphName && forget) localStorage.removeItem(rememberKey(graphName));
}

export function rememberThread(threadId: string): void {
  const graphName = useGraphStore.getState().graphName;
  if (graphName) localStorage.setItem(rememberKey(graphName), threadId);
}

/** After a reload (or a server restart): reopens the thread the graph had open. */
export async function restoreThread(graphName: string): Promise<void> {
  const threadId = localStorage.getItem(rememberKey(graphName));
  await refreshThreads();
  if (!threadId || useRunStore.getState().threadId === threadId) return;
  if (!useThreadStore.getState().threads.some((thread) => thread.thread_id === threadId)) return;
  await openThread(threadId);
  const ui = useUiStore.getState();
  if (useRunStore.getState().status === "paused" && ui.bottomTab === "problems") useUiStore.setState({ bottomOpen: true, bottomTab: "run", bottomHeight: Math.max(ui.bottomHeight, 300) });
}
