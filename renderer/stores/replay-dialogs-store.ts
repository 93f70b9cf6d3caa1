import { create } from "zustand";

/** The pin and run-one-node dialogs: which node they are open for. */
export interface ReplayDialogsState {
  /** Pin output: the node, the output to start from when editing a pin, the checkpoint whose output to offer first. */
  pin: { node: string; initial?: Record<string, unknown>; checkpointId?: string } | null;
  /** Run this node alone: the node and the checkpoint whose state it starts from. */
  runNode: { node: string; checkpointId: string | null } | null;
}

export const useReplayDialogs = create<ReplayDialogsState>()(() => ({ pin: null, runNode: null }));
