import { create } from "zustand";
import type { Pin } from "../../shared/recorded-calls";

/** The open graph's pinned nodes, as the server last said (`.switchyard/pins.json`). */
export interface PinsState {
  graph: string | null;
  pins: Record<string, Pin>;
  error: string | null;
}

export const usePinsStore = create<PinsState>()(() => ({ graph: null, pins: {}, error: null }));

/** A node component's own question: is this node of this graph pinned? */
export const isPinned = (state: PinsState, graph: string | null, node: string): boolean => state.graph === graph && !!state.pins[node];
