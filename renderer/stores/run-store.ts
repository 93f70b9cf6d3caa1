import { create } from "zustand";

export interface RunEvent {
  id: number;
  at: number;
  kind: "started" | "update" | "paused" | "done" | "error" | "refused";
  node?: string;
  text: string;
}

/** The live run (minimal until the debugger lands): its thread, status, and the stream as readable lines. */
export interface RunState {
  status: "idle" | "running" | "paused" | "done" | "error";
  threadId: string | null;
  graphName: string | null;
  events: RunEvent[];
  /** Nodes that ran in this run, in order; the canvas outlines them. */
  visited: string[];
  activeNode: string | null;
}

export const useRunStore = create<RunState>()(() => ({
  status: "idle",
  threadId: null,
  graphName: null,
  events: [],
  visited: [],
  activeNode: null,
}));

let eventId = 0;
export function pushRunEvent(event: Omit<RunEvent, "id" | "at">): void {
  useRunStore.setState((state) => ({ events: [...state.events, { ...event, id: ++eventId, at: Date.now() }] }));
}
