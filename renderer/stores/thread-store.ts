import { create } from "zustand";
import type { Thread, ThreadState } from "@langchain/langgraph-sdk";

/** The open graph's threads and the open thread's checkpoint history (newest first, all branches). */
export interface ThreadListState {
  threads: Thread[];
  loading: boolean;
  history: ThreadState[];
  /** The checkpoint selected in the timeline; null follows the thread's head. */
  selectedCheckpoint: string | null;
  /** The event-log step whose before/after diff is shown. */
  selectedStep: string | null;
}

export const useThreadStore = create<ThreadListState>()(() => ({ threads: [], loading: false, history: [], selectedCheckpoint: null, selectedStep: null }));

export type { Thread, ThreadState };
