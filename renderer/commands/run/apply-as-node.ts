import { openGraphDebugger } from "./open-graph-api";
import { debugNodeIdsOf, openGraphView } from "../../stores/open-graph-facts";
import { runEvent, summariseUpdate, useRunStore, type RunPause, type RunState } from "../../stores/run-store";
import { innerPausesOf, pathLabel, pauseOfThread, type SubgraphCheckpoint } from "../../stores/run-pause";
import { showToast } from "../../stores/ui-store";
import { runOn } from "./continue-run";
import { refreshHistory } from "./threads";

export { pendingToolCall } from "./paused-node-info";

/** An update inside a subgraph: the subgraph node's path and its checkpoint (with the namespace the update goes to). */
export interface SubgraphUpdate {
  /** Node ids down to the subgraph the update is for: [research]. */
  path: string[];
  checkpoint: SubgraphCheckpoint;
}

/** Where the run stands inside a subgraph after an update as one of its nodes. */
function insideAfterUpdate(inside: RunState["inside"], path: string[], asNode: string, pause: RunPause | null): RunState["inside"] {
  const key = pathLabel(path);
  const entry = inside[key] ?? { nodeStatus: {}, visited: [], running: {} };
  const nodeStatus = Object.fromEntries(Object.entries(entry.nodeStatus).filter(([, status]) => status !== "paused" && status !== "error"));
  if (asNode) nodeStatus[asNode] = "done";
  const next = pause?.inner && pathLabel(pause.inner.path.slice(0, -1)) === key ? pause.inner.path.at(-1) : undefined;
  if (next) nodeStatus[next] = "paused";
  return { ...inside, [key]: { ...entry, nodeStatus } };
}

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
export async function applyAsNode(values: Record<string, unknown>, asNode: string, inside?: SubgraphUpdate): Promise<boolean> {
  const { threadId } = useRunStore.getState();
  if (!threadId) return false;
  try {
    if (inside) await openGraphDebugger().updateState(threadId, values, asNode || undefined, undefined, inside.checkpoint);
    else await openGraphDebugger().updateState(threadId, values, asNode || undefined);
    const threadState = await openGraphDebugger().getState(threadId, undefined, { subgraphs: true });
    useRunStore.setState((state) => {
      const nodeStatus = { ...state.nodeStatus };
      for (const [node, status] of Object.entries(nodeStatus)) if (status === "paused" || status === "error") delete nodeStatus[node];
      if (asNode && !inside) nodeStatus[asNode] = "done";
      const pause = pauseOfThread(threadState);
      if (pause) nodeStatus[pause.node] = "paused";
      const named = inside ? pathLabel([...inside.path, asNode]) : asNode;
      const next = pause ? (pause.inner ? pathLabel(pause.inner.path) : threadState.next.join(", ")) : "";
      return {
        threadState,
        nodeStatus,
        inside: inside ? insideAfterUpdate(state.inside, inside.path, asNode, pause) : state.inside,
        innerPauses: innerPausesOf(threadState),
        lastNode: inside ? state.lastNode : asNode || state.lastNode,
        // The update stands for the node's run: the edge into it stays counted, the next one is new.
        pausedEdge: null,
        pause,
        status: pause ? "paused" : "done",
        error: null,
        events: [...state.events, runEvent({ kind: "update", node: named, text: `State updated as ${named || "the last node"}: ${summariseUpdate(values)}${next ? ` · next: ${next}` : ""}` })],
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
export async function answerHuman(answer: string, humanNode: string, messagesField: string, toolCallId: string | null, inside?: SubgraphUpdate): Promise<void> {
  if (!(await applyAnswer(answer, humanNode, messagesField, toolCallId, inside))) return;
  await runOn.run();
}

/** The answer written as the human node's output (the tool message for its pending call, or a human message); the run does not go on. */
export function applyAnswer(answer: string, humanNode: string, messagesField: string, toolCallId: string | null, inside?: SubgraphUpdate): Promise<boolean> {
  const message = toolCallId ? { type: "tool", tool_call_id: toolCallId, content: answer } : { type: "human", content: answer };
  return applyAsNode({ [messagesField]: [message] }, humanNode, inside);
}
