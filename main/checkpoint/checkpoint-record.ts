import { compress } from "./compression";
import type { BlobHeader, ChannelVersion, CheckpointRecordHeader } from "./log-records";
import { RecordKind, bodyOffsetOf, encodeRecord } from "./log-records";
import type { BuiltRecord, ThreadLog } from "./thread-log";
import { planBlob } from "./value-delta";

export interface SerializedValue {
  type: string;
  bytes: Buffer;
}

export interface SerializedCheckpoint {
  ns: string;
  id: string;
  parentId?: string;
  /** The checkpoint without channel_values. */
  checkpoint: SerializedValue;
  metadata: SerializedValue;
  channelVersions: Record<string, ChannelVersion>;
  /** One entry per channel in newVersions; value undefined when channel_values lacks it. */
  newBlobs: { channel: string; version: ChannelVersion; value?: SerializedValue }[];
}

/**
 * Builds the single record that stores a checkpoint with its new channel values, so a put
 * is in the log wholly or not at all. Unchanged channels are not written again: the
 * checkpoint points at the blob that already holds their version.
 */
export function buildCheckpointRecord(log: ThreadLog, input: SerializedCheckpoint): BuiltRecord {
  const { index, values } = log;
  const parent = input.parentId === undefined ? undefined : index.checkpoint(input.ns, input.parentId);
  const parentRefs = parent ? index.refsOf(parent) : new Map<string, number>();
  const blobs: BlobHeader[] = [];
  const checkpoint = compress(input.checkpoint.bytes);
  const body: Buffer[] = [checkpoint.stored, input.metadata.bytes];
  const newBlobNumber = new Map<string, number>();
  const newBlobBytes = new Map<number, { channel: string; bytes: Buffer }>();
  for (const { channel, version, value } of input.newBlobs) {
    const number = index.blobs.length + blobs.length;
    newBlobNumber.set(channel, number);
    if (!value) {
      blobs.push([channel, version, null, 0]);
      continue;
    }
    const plan = planBlob(value.bytes, previousVersion(log, parentRefs.get(channel), value.type));
    if (plan.base !== undefined) {
      blobs.push([channel, version, value.type, plan.body.length, plan.base, plan.prefix]);
      body.push(plan.body);
    } else {
      const whole = compress(plan.body);
      blobs.push(whole.rawLength === undefined ? [channel, version, value.type, whole.stored.length] : [channel, version, value.type, whole.stored.length, null, null, whole.rawLength]);
      body.push(whole.stored);
    }
    newBlobBytes.set(number, { channel, bytes: value.bytes });
  }

  const refs: Record<string, number> = {};
  const drop: string[] = [];
  for (const [channel, version] of Object.entries(input.channelVersions)) {
    const inherited = parentRefs.get(channel);
    const wanted = blobHolding(channel, version);
    if (wanted === undefined && inherited !== undefined) drop.push(channel);
    else if (wanted !== undefined && wanted !== inherited) refs[channel] = wanted;
  }
  for (const channel of parentRefs.keys()) if (!Object.hasOwn(input.channelVersions, channel)) drop.push(channel);

  function blobHolding(channel: string, version: ChannelVersion): number | undefined {
    const fresh = newBlobNumber.get(channel);
    if (fresh !== undefined && blobs[fresh - index.blobs.length][1] === version) return fresh;
    const inherited = parentRefs.get(channel);
    if (inherited !== undefined && index.blobs[inherited].version === version) return inherited;
    return index.blobForVersion(input.ns, channel, version);
  }

  const header: CheckpointRecordHeader = {
    ns: input.ns,
    id: input.id,
    ...(input.parentId === undefined ? {} : { parent: input.parentId }),
    cp: checkpoint.rawLength === undefined ? [input.checkpoint.type, checkpoint.stored.length] : [input.checkpoint.type, checkpoint.stored.length, checkpoint.rawLength],
    md: [input.metadata.type, input.metadata.bytes.length],
    blobs,
    refs,
    ...(drop.length ? { drop } : {}),
  };
  const parts = encodeRecord(RecordKind.Checkpoint, header, body);
  return {
    parts,
    commit(payloadOffset) {
      index.apply({ kind: RecordKind.Checkpoint, header, bodyOffset: bodyOffsetOf(parts, payloadOffset) });
      for (const [number, { channel, bytes }] of newBlobBytes) values.rememberNewest(`${input.ns}\u0000${channel}`, number, bytes);
    },
  };
}

function previousVersion(log: ThreadLog, number: number | undefined, type: string) {
  if (number === undefined) return undefined;
  const blob = log.index.blobs[number];
  if (blob.type !== type) return undefined;
  return { number, blob, bytes: log.values.bytes(number) };
}
