import { openGraphDebugger } from "./open-graph-api";
import { emptyRun, runEvent, useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { showToast } from "../../stores/ui-store";
import { followRun } from "./follow-run";

/** The run's progress starts over as in a fresh run; the thread, its state and the event log stay. */
function resetForBranch(text: string): void {
  const { nodeStatus, nodeErrors, edgeOrder, edgeCount, pausedEdge, lastNode, visited, pause, replayedNodes, liveNode, pinnedNodes } = emptyRun();
  useRunStore.setState((state) => ({ nodeStatus, nodeErrors, edgeOrder, edgeCount, pausedEdge, lastNode, visited, pause, replayedNodes, liveNode, pinnedNodes, events: [...state.events, runEvent({ kind: "started", text })] }));
}

/**
 * Re-run from here: a run from an earlier checkpoint; LangGraph replays up to it and branches.
 * `replay`: model calls whose request the thread's recording holds are served from it (no provider
 * request) until the first that differs; live: every model is called again. The person picks per re-run.
 */
export async function rerunFrom(checkpointId: string, options: { replay: boolean } = { replay: false }): Promise<void> {
  if (!useRunStore.getState().threadId) return;
  resetForBranch(`Re-run from checkpoint ${checkpointId.slice(-8)}, ${options.replay ? "replaying recorded calls" : "live"}`);
  useThreadStore.setState({ selectedCheckpoint: null });
  await followRun({ input: null, checkpointId, replay: options.replay });
}

/**
 * Edit and fork: the edited values written at an earlier checkpoint (a new branch beside the
 * original), then the run goes on from the fork.
 */
export async function forkFrom(checkpointId: string, values: Record<string, unknown>, asNode?: string): Promise<void> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) return;
  try {
    const fork = await openGraphDebugger().updateState(threadId, values, asNode, checkpointId);
    resetForBranch(`Forked at checkpoint ${checkpointId.slice(-8)}${asNode ? ` as ${asNode}` : ""}`);
    useThreadStore.setState({ selectedCheckpoint: null });
    await followRun({ input: null, checkpointId: fork.checkpoint_id });
  } catch (error) {
    showToast(`Could not fork: ${(error as Error).message}`, "error", 6000);
  }
}
