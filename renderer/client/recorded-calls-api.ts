import type { Pin, PinsResponse, RecordedCallsResponse, RecordingLimit, RunNodeResponse } from "../../shared/recorded-calls";
import { requestJson } from "./request";

const threadPath = (threadId: string) => `/switchyard/threads/${encodeURIComponent(threadId)}`;
const pinsPath = (graph: string) => `/switchyard/graphs/${encodeURIComponent(graph)}/pins`;

/** What a pin is set to: an output typed by hand, or what the node wrote at a checkpoint. */
export type PinSource = { update: Record<string, unknown> } | { from: { thread_id: string; checkpoint_id: string } };

/** What run-node runs on: a checkpoint's state, or values given (edited in the dialog). */
export type RunNodeState = { checkpoint_id: string } | { values: Record<string, unknown> };

/** The recorded calls, pins and run-one-node routes of `switchyard serve` (workspace graphs only). */
export const recordedCallsApi = {
  calls: (threadId: string) => requestJson<RecordedCallsResponse>("GET", `${threadPath(threadId)}/calls`),
  limit: () => requestJson<RecordingLimit>("GET", "/switchyard/recorded-calls/limit"),
  setLimit: (limitMb: number) => requestJson<RecordingLimit>("PUT", "/switchyard/recorded-calls/limit", { limit_mb: limitMb }),
  pins: (graph: string) => requestJson<PinsResponse>("GET", pinsPath(graph)),
  pin: (graph: string, node: string, source: PinSource) => requestJson<{ graph: string; node: string; pin: Pin }>("PUT", `${pinsPath(graph)}/${encodeURIComponent(node)}`, source),
  unpin: (graph: string, node: string) => requestJson<unknown>("DELETE", `${pinsPath(graph)}/${encodeURIComponent(node)}`),
  runNode: (threadId: string, node: string, state: RunNodeState) => requestJson<RunNodeResponse>("POST", `${threadPath(threadId)}/run-node`, { node, ...state }),
};
