import { isRunCallMark } from "../../shared/recorded-calls";
import { runEvent, type RunState } from "./run-store";

/**
 * A Switchyard mark frame (`custom` stream mode) applied to the run: a node served from the
 * recording, the node where a replaying run went live, a pinned node that returned its pin.
 * Marked once per node and run; the event log says it once too.
 */
export function applyRunMark(state: RunState, data: unknown): Partial<RunState> {
  if (!isRunCallMark(data)) return {};
  const { node } = data;
  const step = [...state.steps].reverse().find((candidate) => candidate.node === node);
  const line = (text: string, kind: "replayed" | "live" | "pinned") => [...state.events, runEvent({ kind, node, text, stepId: step?.id })];
  if (data.switchyard === "replayed") {
    if (state.replayedNodes[node]) return {};
    return { replayedNodes: { ...state.replayedNodes, [node]: true }, events: line("replayed: its model call was served from the recording (no provider request)", "replayed") };
  }
  if (data.switchyard === "live") {
    if (state.liveNode) return {};
    return { liveNode: node, events: line("first live node: its request differs from the recording, so it and every later call go to the provider", "live") };
  }
  if (state.pinnedNodes[node]) return {};
  return { pinnedNodes: { ...state.pinnedNodes, [node]: true }, events: line("pinned: returned its pinned output without running", "pinned") };
}
