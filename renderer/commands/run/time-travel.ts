import { openGraphDebugger } from "./open-graph-api";
import { emptyRun, runEvent, useRunStore } from "../../stores/run-store";
import { pathLabel } from "../../stores/run-pause";
import { useThreadStore, type InnerCheckpoint } from "../../stores/thread-store";
import { showToast } from "../../stores/ui-store";
import { followRun } from "./follow-run";

/** The run's progress starts over as in a fresh run; the thread, its state and the event log stay. */
function resetForBranch(text: string): void {
  const { nodeStatus, nodeErrors, edgeOrder, edgeCount, pausedEdge, lastNode, visited, pause, replayedNodes, liveNode, pinnedNodes, stepSources, stepRan, stepOpen, resuming, midStep, fanOut, inside, interrupts } = emptyRun();
  const progress = { nodeStatus, nodeErrors, edgeOrder, edgeCount, pausedEdge, lastNode, visited, pause, replayedNodes, liveNode, pinnedNodes, stepSources, stepRan, stepOpen, resuming, midStep, fanOut, inside, interrupts };
  useRunStore.setState((state) => ({ ...progress, events: [...state.events, runEvent({ kind: "started", text })] }));
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

/**
 * Time travel inside a subgraph: the subgraph's state at one of its checkpoints (edited, or as it
 * was) is written as a new checkpoint in its namespace, which makes it the one the subgraph task
 * resumes from; then the parent runs on from the checkpoint that task was run from, and the
 * subgraph goes on inside from there (LangGraph reads a subgraph task's latest checkpoint).
 */
export async function rerunInside(inner: InnerCheckpoint, values: Record<string, unknown> | null = null, asNode?: string): Promise<void> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) return;
  const at = inner.state.checkpoint;
  try {
    await openGraphDebugger().updateState(threadId, values, asNode, undefined, { checkpoint_ns: inner.namespace, checkpoint_id: at.checkpoint_id! });
    resetForBranch(`${values ? "Forked" : "Re-run"} inside ${pathLabel(inner.path)} at checkpoint ${at.checkpoint_id!.slice(-8)}${asNode ? ` as ${asNode}` : ""}`);
    useThreadStore.setState({ selectedCheckpoint: null });
    await followRun({ input: null, checkpointId: inner.parentId });
  } catch (error) {
    showToast(`Could not ${values ? "fork" : "re-run"} inside ${pathLabel(inner.path)}: ${(error as Error).message}`, "error", 6000);
  }
}
