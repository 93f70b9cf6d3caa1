import { useGraphStore } from "../../stores/graph-store";
import { usePinsStore } from "../../stores/pins-store";
import { useReplayDialogs } from "../../stores/replay-dialogs-store";
import type { CommandContext } from "../registry/command-context";
import { rerunFrom } from "../run/time-travel";

/** Re-run from the checkpoint the command was given (the timeline's selection, or the one before a node). */
export function rerunSelected(context: CommandContext, options: { replay: boolean }): void {
  if (context.selectedCheckpoint) void rerunFrom(context.selectedCheckpoint, options);
}

/** Pin output: the dialog starts from the node's pin when it has one, else from what it wrote at the chosen checkpoint. */
export function openPinDialog(node: string, checkpointId: string | null = null): void {
  const pins = usePinsStore.getState();
  const current = pins.graph === useGraphStore.getState().graphName ? pins.pins[node]?.update : undefined;
  useReplayDialogs.setState({ pin: { node, ...(current ? { initial: current } : {}), ...(checkpointId ? { checkpointId } : {}) } });
}

/** Run this node alone, starting from the selected checkpoint (or the thread's head). */
export function openRunNodeDialog(node: string, checkpointId: string | null): void {
  useReplayDialogs.setState({ runNode: { node, checkpointId } });
}
