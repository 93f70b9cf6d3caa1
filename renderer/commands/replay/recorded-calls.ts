import { recordedCallsApi } from "../../client/recorded-calls-api";
import { useRecordedCallsStore } from "../../stores/recorded-calls-store";

let inFlight: { threadId: string; done: Promise<void> } | null = null;

/** Reads the thread's recorded calls (after each run, and when a thread opens); one read at a time per thread. */
export function refreshRecordedCalls(threadId: string | null): Promise<void> {
  if (!threadId) {
    useRecordedCallsStore.setState({ threadId: null, calls: [], error: null });
    return Promise.resolve();
  }
  if (inFlight?.threadId === threadId) return inFlight.done;
  const done = recordedCallsApi
    .calls(threadId)
    .then((answer) => useRecordedCallsStore.setState({ threadId, calls: answer.calls, limitBytes: answer.limit_bytes, usedBytes: answer.used_bytes, error: null }))
    .catch((error: Error) => useRecordedCallsStore.setState({ threadId, calls: [], error: `Could not read the recorded calls: ${error.message}` }))
    .finally(() => {
      if (inFlight?.done === done) inFlight = null;
    });
  inFlight = { threadId, done };
  return done;
}

/** The recording bound and what the workspace's recordings use now (Settings). */
export async function loadRecordingLimit(): Promise<void> {
  try {
    const limit = await recordedCallsApi.limit();
    useRecordedCallsStore.setState({ limitBytes: limit.limit_bytes, usedBytes: limit.used_bytes, error: null });
  } catch (error) {
    useRecordedCallsStore.setState({ error: `Could not read the recording limit: ${(error as Error).message}` });
  }
}

export class RecordingLimitError extends Error {
  override name = "RecordingLimitError";
  constructor(readonly typed: string) {
    super(`"${typed}" is not a size in MB: type a whole number of megabytes from 1 to 100000`);
  }
}

/** Checks a typed limit before anything is sent: a whole number of MB, 1 to 100000 (as the server allows). */
export function parseLimitMb(typed: string): number {
  const value = Number(typed.trim());
  if (!typed.trim() || !Number.isInteger(value) || value < 1 || value > 100_000) throw new RecordingLimitError(typed);
  return value;
}

/** Sets the recording bound (the oldest recordings are dropped first once it is reached); returns the refusal, if any. */
export async function saveRecordingLimit(typed: string): Promise<string | null> {
  let limitMb: number;
  try {
    limitMb = parseLimitMb(typed);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    const limit = await recordedCallsApi.setLimit(limitMb);
    useRecordedCallsStore.setState({ limitBytes: limit.limit_bytes, usedBytes: limit.used_bytes });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
