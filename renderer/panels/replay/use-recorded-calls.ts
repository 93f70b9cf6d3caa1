import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import type { RecordedCall } from "../../../shared/recorded-calls";
import { refreshRecordedCalls } from "../../commands/replay/recorded-calls";
import { useOpenGraph } from "../../stores/open-graph-store";
import { useRecordedCallsStore } from "../../stores/recorded-calls-store";
import { useRunStore } from "../../stores/run-store";

/**
 * The open thread's recorded calls that `pick` keeps, read again whenever a run on it stops
 * (recordings exist on this workspace's server only).
 */
export function useRecordedCalls(pick: (call: RecordedCall) => boolean): { calls: RecordedCall[]; error: string | null; recorded: boolean } {
  const threadId = useRunStore((state) => state.threadId);
  const status = useRunStore((state) => state.status);
  const recorded = useOpenGraph((state) => state.graph?.source.kind === "workspace");
  useEffect(() => {
    if (recorded && status !== "running") void refreshRecordedCalls(threadId);
  }, [recorded, threadId, status]);
  // The kept calls are compared one by one: a new list of the same calls does not re-render.
  const calls = useRecordedCallsStore(useShallow((state) => (state.threadId === threadId ? state.calls.filter(pick) : [])));
  const error = useRecordedCallsStore((state) => state.error);
  return { calls, error, recorded };
}
