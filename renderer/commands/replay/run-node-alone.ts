import type { RunNodeResponse } from "../../../shared/recorded-calls";
import { recordedCallsApi, type RunNodeState } from "../../client/recorded-calls-api";
import { useRunStore } from "../../stores/run-store";
import { showToast } from "../../stores/ui-store";
import { openGraphDebugger } from "../run/open-graph-api";
import { openThread } from "../run/threads";

/**
 * Runs one node alone on a chosen state (a checkpoint's, or values edited in the dialog): the server
 * runs it on a scratch copy, so the thread's history is unchanged. Answers its update and its calls.
 */
export async function runNodeAlone(node: string, state: RunNodeState): Promise<RunNodeResponse> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) throw new Error("Run the graph or open a thread first: run one node starts from one of its checkpoints");
  return recordedCallsApi.runNode(threadId, node, state);
}

/**
 * Apply as a fork: the node's update written at the checkpoint it ran on, as that node (LangGraph's
 * updateState with as_node): a new branch beside the original; the thread's head moves to it.
 */
export async function applyRunNodeAsFork(node: string, checkpointId: string, update: Record<string, unknown>): Promise<boolean> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) return false;
  try {
    const fork = await openGraphDebugger().updateState(threadId, update, node, checkpointId);
    await openThread(threadId);
    showToast(`Applied ${node}'s update as a fork at checkpoint …${checkpointId.slice(-8)} (new head …${fork.checkpoint_id.slice(-8)})`, "success");
    return true;
  } catch (error) {
    showToast(`Could not apply as a fork: ${(error as Error).message}`, "error", 6000);
    return false;
  }
}
