import { create } from "zustand";
import type { Thread, ThreadState } from "@langchain/langgraph-sdk";

/** One checkpoint of a subgraph task, placed under the parent checkpoint its task was run from. */
export interface InnerCheckpoint {
  /** The subgraph task's checkpoint namespace (`research:<task id>`). */
  namespace: string;
  /** Node ids from the open graph down to the subgraph node: [research]. */
  path: string[];
  /** The parent graph's checkpoint the subgraph task runs from (its metadata's `parents[""]`). */
  parentId: string;
  state: ThreadState;
}

/** The open graph's threads and the open thread's checkpoint history (newest first, all branches). */
export interface ThreadListState {
  threads: Thread[];
  loading: boolean;
  history: ThreadState[];
  /** Checkpoints inside subgraph tasks, each under the parent checkpoint its task ran from. */
  innerHistory: InnerCheckpoint[];
  /** The checkpoint selected in the timeline; null follows the thread's head. */
  selectedCheckpoint: string | null;
  /** The event-log step whose before/after diff is shown. */
  selectedStep: string | null;
}

export const useThreadStore = create<ThreadListState>()(() => ({ threads: [], loading: false, history: [], innerHistory: [], selectedCheckpoint: null, selectedStep: null }));

export type { Thread, ThreadState };
