import type { ChannelVersions } from "@langchain/langgraph-checkpoint";

export type ChannelVersion = ChannelVersions[string];

/**
 * What one framed record in a thread's log holds. A payload is
 *   u8 kind | u32 header length | header (JSON) | body
 * and the header says where in the body each serialized value lies, so the index can
 * be rebuilt from headers alone and values read later by offset.
 */
export const RecordKind = { Checkpoint: 1, Writes: 2, Forget: 3 } as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

/** A serialized value: the serde's type tag, the body bytes it takes, and if deflated its inflated length. */
export type ValueSlot = [type: string, length: number, rawLength?: number];

/**
 * One channel value, stored once per channel version. `type` null marks a channel that
 * was in newVersions but has no value. With `base` set the body holds only the bytes
 * after the first `prefix` bytes of blob `base` (a delta); otherwise the whole value,
 * deflated when `rawLength` is set.
 */
export type BlobHeader = [
  channel: string,
  version: ChannelVersion,
  type: string | null,
  length: number,
  base?: number | null,
  prefix?: number | null,
  rawLength?: number,
];

export interface CheckpointRecordHeader {
  ns: string;
  id: string;
  parent?: string;
  /** The checkpoint without channel_values, then its metadata. */
  cp: ValueSlot;
  md: ValueSlot;
  /** New blobs, numbered on from the thread's blob count, bodies in this order after cp and md. */
  blobs: BlobHeader[];
  /** channel -> blob number, where it differs from the parent checkpoint's. */
  refs: Record<string, number>;
  /** Channels the parent had a value for and this checkpoint has not. */
  drop?: string[];
}

export type WriteHeader = [channel: string, idx: number, type: string, length: number];

export interface WritesRecordHeader {
  ns: string;
  /** The checkpoint these pending writes belong to. */
  cid: string;
  task: string;
  path: string;
  w: WriteHeader[];
}

/**
 * Checkpoints taken back (a run undone by rollback): from here on they and their pending writes
 * are gone from the index. Their bytes stay in the log, as everything in an append-only log does;
 * the blobs they added stay too, since later checkpoints may share them.
 */
export interface ForgetRecordHeader {
  cps: Array<[ns: string, id: string]>;
}

export type DecodedRecord =
  | { kind: typeof RecordKind.Checkpoint; header: CheckpointRecordHeader; bodyOffset: number }
  | { kind: typeof RecordKind.Writes; header: WritesRecordHeader; bodyOffset: number }
  | { kind: typeof RecordKind.Forget; header: ForgetRecordHeader; bodyOffset: number };

const PREFIX_BYTES = 5;

export function encodeRecord(kind: RecordKind, header: object, body: Buffer[]): Buffer[] {
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
  prefix.writeUInt8(kind, 0);
  prefix.writeUInt32LE(headerBytes.length, 1);
  return [prefix, headerBytes, ...body];
}

/** `payloadOffset` is where the payload starts in the file, so body offsets come out absolute. */
export function decodeRecord(payload: Buffer, payloadOffset: number): DecodedRecord {
  const kind = payload.readUInt8(0);
  const headerLength = payload.readUInt32LE(1);
  if (PREFIX_BYTES + headerLength > payload.length) throw new Error("the record header overruns the record");
  const header = JSON.parse(payload.toString("utf8", PREFIX_BYTES, PREFIX_BYTES + headerLength));
  const bodyOffset = payloadOffset + PREFIX_BYTES + headerLength;
  if (kind === RecordKind.Checkpoint) return { kind, header, bodyOffset };
  if (kind === RecordKind.Writes) return { kind, header, bodyOffset };
  if (kind === RecordKind.Forget) return { kind, header, bodyOffset };
  throw new Error(`unknown record kind ${kind}`);
}

/** Absolute offset of the body, given the payload offset and the encoded header. */
export function bodyOffsetOf(parts: Buffer[], payloadOffset: number): number {
  return payloadOffset + parts[0].length + parts[1].length;
}
