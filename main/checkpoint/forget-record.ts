import type { ForgetRecordHeader } from "./log-records";
import { RecordKind, bodyOffsetOf, encodeRecord } from "./log-records";
import type { BuiltRecord, ThreadLog } from "./thread-log";

/** Builds the one record that takes checkpoints back (all of them or, after a crash, none), or null when none is there. */
export function buildForgetRecord(log: ThreadLog, checkpoints: Array<{ ns: string; id: string }>): BuiltRecord | null {
  const present = checkpoints.filter(({ ns, id }) => log.index.checkpoint(ns, id));
  if (present.length === 0) return null;
  const header: ForgetRecordHeader = { cps: present.map(({ ns, id }) => [ns, id]) };
  const parts = encodeRecord(RecordKind.Forget, header, []);
  return {
    parts,
    commit(payloadOffset) {
      log.index.apply({ kind: RecordKind.Forget, header, bodyOffset: bodyOffsetOf(parts, payloadOffset) });
    },
  };
}
