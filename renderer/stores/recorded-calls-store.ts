import { create } from "zustand";
import type { RecordedCall } from "../../shared/recorded-calls";

/** The open thread's recorded model and tool calls, and the workspace's recording bound. */
export interface RecordedCallsState {
  threadId: string | null;
  calls: RecordedCall[];
  limitBytes: number | null;
  usedBytes: number | null;
  error: string | null;
}

export const useRecordedCallsStore = create<RecordedCallsState>()(() => ({ threadId: null, calls: [], limitBytes: null, usedBytes: null, error: null }));
