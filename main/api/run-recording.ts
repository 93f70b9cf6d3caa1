import type { RecordedCall, RecordedModelCall } from "../../shared/recorded-calls";
import { CallTape, type TapeEntry } from "../engine/recording/call-tape";
import type { CallScope } from "../engine/recording/call-scope";
import { ToolCallRecorder } from "../engine/recording/tool-recorder";
import { secretsOf } from "../settings/provider-access";
import { emptySettings, readSettings } from "../settings/settings-file";
import { callStoreOf } from "../workspace/call-store";
import { pinStoreOf } from "./routes/pins";
import type { ServerContext } from "./context";

/** What the run's stream is told of: a model call served from the recording, the first one sent live, a pinned node. */
export interface RunCallMarks {
  onReplayed?: (call: RecordedModelCall) => void;
  onLive?: (call: RecordedModelCall) => void;
  onPinned?: (node: string) => void;
}

/**
 * What a server run does with its external calls: every call is written to the thread's recording;
 * a run asked to replay is served from that recording until its first request that differs.
 */
export function runCallScope(
  ctx: ServerContext,
  ids: { thread_id: string; run_id: string },
  options: { replay: boolean; graphId: string; marks?: RunCallMarks },
): { scope: CallScope; callbacks: ToolCallRecorder[] } {
  const { replay, graphId } = options;
  const store = callStoreOf(ctx.workspace.dataDir);
  const secrets = runSecrets();
  const marks = options.marks ?? {};
  let wentLive = false;
  const write = (call: RecordedCall) => store.append(ids.thread_id, { ...call, thread_id: ids.thread_id, run_id: ids.run_id });
  const scope: CallScope = {
    mode: replay ? "replay" : "record",
    ...(replay ? { tape: new CallTape(tapeEntriesOf(store.read(ids.thread_id))) } : {}),
    secrets,
    pins: Object.fromEntries(Object.entries(pinStoreOf(ctx.workspace.dataDir).pinsOf(graphId)).map(([node, pin]) => [node, pin.update])),
    onModelCall: (call) => {
      write(call);
      if (call.replayed) marks.onReplayed?.(call);
      // The first call a replaying run sends to the provider: its node is where the run went live.
      else if (replay && !wentLive) {
        wentLive = true;
        marks.onLive?.(call);
      }
    },
    onToolCall: write,
    ...(marks.onPinned ? { onPinned: marks.onPinned } : {}),
  };
  return { scope, callbacks: [new ToolCallRecorder(secrets, write)] };
}

/** The answered model calls of a recording, oldest first: what a replay may serve. */
export function tapeEntriesOf(calls: RecordedCall[]): TapeEntry[] {
  return calls
    .filter((call): call is RecordedModelCall & { response: NonNullable<RecordedModelCall["response"]> } => call.kind === "model" && call.response !== undefined)
    .map((call) => ({ node: call.node, key: call.key, request: call.request, response: call.response }));
}

/** Every key in force (environment and settings): replaced wherever a call is written down. */
export function runSecrets(): string[] {
  return secretsOf(safeSettings(), process.env);
}

function safeSettings() {
  try {
    return readSettings();
  } catch {
    return emptySettings();
  }
}
