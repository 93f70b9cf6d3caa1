import type { WriteHeader, WritesRecordHeader } from "./log-records";
import { RecordKind, bodyOffsetOf, encodeRecord } from "./log-records";
import type { BuiltRecord, ThreadLog } from "./thread-log";
import type { SerializedValue } from "./checkpoint-record";

export interface SerializedWrites {
  ns: string;
  checkpointId: string;
  taskId: string;
  taskPath: string;
  writes: { channel: string; idx: number; value: SerializedValue }[];
}

/**
 * Builds the record for one putWrites call, or null when every write is already stored.
 * As in MemorySaver, a regular write (idx >= 0) is kept from its first arrival, so a
 * retried task cannot change what was recorded; special writes (errors, interrupts,
 * negative idx) replace the earlier one.
 */
export function buildWritesRecord(log: ThreadLog, input: SerializedWrites): BuiltRecord | null {
  const fresh = input.writes.filter(
    ({ idx }) => idx < 0 || !log.index.hasWrite(input.ns, input.checkpointId, input.taskId, idx),
  );
  if (fresh.length === 0) return null;
  const header: WritesRecordHeader = {
    ns: input.ns,
    cid: input.checkpointId,
    task: input.taskId,
    path: input.taskPath,
    w: fresh.map(({ channel, idx, value }): WriteHeader => [channel, idx, value.type, value.bytes.length]),
  };
  const parts = encodeRecord(
    RecordKind.Writes,
    header,
    fresh.map(({ value }) => value.bytes),
  );
  return {
    parts,
    commit(payloadOffset) {
      log.index.apply({ kind: RecordKind.Writes, header, bodyOffset: bodyOffsetOf(parts, payloadOffset) });
    },
  };
}
