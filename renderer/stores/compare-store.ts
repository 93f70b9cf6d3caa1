import { create } from "zustand";
import type { ThreadState } from "@langchain/langgraph-sdk";

/** One checkpoint to compare: which thread, which checkpoint, and how a person names it. */
export interface CheckpointRef {
  threadId: string;
  checkpointId: string;
  label: string;
}

/** A side of the comparison as loaded: the checkpoint's state and its thread's history (for its steps). */
export interface CompareSide {
  ref: CheckpointRef;
  checkpoint: ThreadState;
  history: ThreadState[];
}

export interface CompareState {
  /** "Compare with...": the first checkpoint, while the person picks the second. */
  picking: CheckpointRef | null;
  /** The comparison on screen (null: closed); `loading` until both sides are read. */
  open: { a: CompareSide; b: CompareSide } | null;
  loading: boolean;
  error: string | null;
}

export const useCompareStore = create<CompareState>()(() => ({ picking: null, open: null, loading: false, error: null }));
