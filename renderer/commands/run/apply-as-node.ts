import { openGraphDebugger } from "./open-graph-api";
import { debugNodeIdsOf, openGraphView } from "../../stores/open-graph-facts";
import { runEvent, summariseUpdate, useRunStore, type RunPause } from "../../stores/run-store";
import { showToast } from "../../stores/ui-store";
import { runOn } from "./continue-run";
import { refreshHistory } from "./threads";

export { pendingToolCall } from "./paused-node-info";

/** The one-line meaning of "apply as", shown beside the dropdown. */
export function applyAsExplanation(node: string): string {
  return `The run continues as if ${node} had produced this update.`;
}

/** The node "Apply as" proposes: the paused-before node when a person answers it (see pausedNodeInfo), else the last node that ran. */
export function defaultApplyAsNode(pause: RunPause | null, lastNode: string | null, humanLike: boolean): string {
  if (pause?.kind === "before" && humanLike) return pause.node;
  if (pause?.kind === "after") return pause.node;
  return lastNode ?? pause?.node ?? debugNodeIdsOf(openGraphView())[0] ?? "";
}

/**
 * POST /threads/{id}/state with as_node: the update becomes that node's output, so the run
 * continues along that node's edges (LangGraph's update_state(..., as_node)).
 */
export async function applyAsNode(values: Record<string, unknown>, asNode: string): Promise<boolean> {
  const { threadId } = useRunStore.getState();
  if (!threadId) return false;
  try {
    await openGraphDebugger().updateState(threadId, values, asNode || undefined);
    const threadState = await openGraphDebugger().getState(threadId);
    useRunStore.setState((state) => {
      const nodeStatus = { ...state.nodeStatus };
      for (const [node, status] of Object.entries(nodeStatus)) if (status === "paused" || status === "error") delete nodeStatus[node];
      if (asNode) nodeStatus[asNode] = "done";
      const next = threadState.next[0];
      if (next) nodeStatus[next] = "paused";
      return {
        threadState,
        nodeStatus,
        lastNode: asNode || state.lastNode,
        // The update stands for the node's run: the edge into it stays counted, the next one is new.
        pausedEdge: null,
        pause: next ? { kind: "before", node: next } : null,
        status: next ? "paused" : "done",
        error: null,
        events: [...state.events, runEvent({ kind: "update", node: asNode, text: `State updated as ${asNode || "the last node"}: ${summariseUpdate(values)}${next ? ` · next: ${threadState.next.join(", ")}` : ""}` })],
      };
    });
    void refreshHistory();
    return true;
  } catch (error) {
    showToast(`Could not update the state: ${(error as Error).message}`, "error", 6000);
    return false;
  }
}

/**
 * The seed pattern: the answer becomes the tool message for the pending call, applied as the
 * human node, and the run continues.
 */
export async function answerHuman(answer: string, humanNode: string, messagesField: string, toolCallId: string | null): Promise<void> {
  const message = toolCallId ? { type: "tool", tool_call_id: toolCallId, content: answer } : { type: "human", content: answer };
  if (!(await applyAsNode({ [messagesField]: [message] }, humanNode))) return;
  await runOn.run();
}
