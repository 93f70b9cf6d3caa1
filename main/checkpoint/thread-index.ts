import { compareWritesSortKeys, writesSortKey } from "@langchain/langgraph-checkpoint";
import type { BlobHeader, ChannelVersion, CheckpointRecordHeader, DecodedRecord, ForgetRecordHeader, WritesRecordHeader } from "./log-records";
import { RecordKind } from "./log-records";

export interface StoredBlob {
  channel: string;
  version: ChannelVersion;
  /** Serde type tag; null for "in newVersions but no value". */
  type: string | null;
  offset: number;
  length: number;
  base?: number;
  prefix?: number;
  /** Set when the stored bytes are deflated: their inflated length. */
  rawLength?: number;
  /** Length of the whole value once the delta chain is applied. */
  fullLength: number;
  /** Deltas since the last whole value, and their total bytes. */
  chainLength: number;
  chainBytes: number;
}

export interface StoredCheckpoint {
  ns: string;
  id: string;
  parentId?: string;
  cpType: string;
  cpOffset: number;
  cpLength: number;
  cpRawLength?: number;
  mdType: string;
  mdOffset: number;
  mdLength: number;
  /** How this checkpoint's channel -> blob map differs from its parent's; see refsOf. */
  refChanges: RefChanges;
  /** The whole map, once someone asked for it. */
  resolvedRefs?: Map<string, number>;
}

interface RefChanges {
  parent?: StoredCheckpoint;
  drop?: string[];
  set: Record<string, number>;
}

export interface StoredWrite {
  taskId: string;
  channel: string;
  idx: number;
  taskPath: string;
  type: string;
  offset: number;
  length: number;
}

interface NamespaceIndex {
  /** Checkpoint ids in ascending order (uuid6 ids sort by time). */
  ids: string[];
  byId: Map<string, StoredCheckpoint>;
}

/** In-memory index of one thread's log: where every checkpoint, blob and pending write lies. */
export class ThreadIndex {
  readonly blobs: StoredBlob[] = [];
  private readonly blobByVersion = new Map<string, number>();
  private readonly namespaces = new Map<string, NamespaceIndex>();
  private readonly writes = new Map<string, Map<string, StoredWrite>>();

  apply(record: DecodedRecord): void {
    if (record.kind === RecordKind.Checkpoint) this.applyCheckpoint(record.header, record.bodyOffset);
    else if (record.kind === RecordKind.Writes) this.applyWrites(record.header, record.bodyOffset);
    else this.applyForget(record.header);
  }

  checkpoint(ns: string, id: string): StoredCheckpoint | undefined {
    return this.namespaces.get(ns)?.byId.get(id);
  }

  latest(ns: string): StoredCheckpoint | undefined {
    const index = this.namespaces.get(ns);
    return index && index.byId.get(index.ids[index.ids.length - 1]);
  }

  /** Newest first within each namespace; a snapshot, so appends during iteration are not seen. */
  newestFirst(ns: string | undefined): StoredCheckpoint[] {
    const spaces = ns === undefined ? [...this.namespaces.values()] : [this.namespaces.get(ns)].filter((s) => s);
    return spaces.flatMap((space) => [...space!.ids].reverse().map((id) => space!.byId.get(id)!));
  }

  /**
   * channel -> blob number holding its value at `checkpoint`. Each checkpoint stores only
   * its changes against its parent; the whole map is built on first use by replaying the
   * changes down from the nearest ancestor that has one, and kept.
   */
  refsOf(checkpoint: StoredCheckpoint): Map<string, number> {
    if (checkpoint.resolvedRefs) return checkpoint.resolvedRefs;
    const unresolved: StoredCheckpoint[] = [];
    let current: StoredCheckpoint | undefined = checkpoint;
    while (current && !current.resolvedRefs) {
      unresolved.push(current);
      current = current.refChanges.parent;
    }
    const refs = new Map(current?.resolvedRefs);
    for (let i = unresolved.length - 1; i >= 0; i--) {
      const { drop, set } = unresolved[i].refChanges;
      for (const channel of drop ?? []) refs.delete(channel);
      for (const channel in set) refs.set(channel, set[channel]);
    }
    checkpoint.resolvedRefs = refs;
    return refs;
  }

  blobForVersion(ns: string, channel: string, version: ChannelVersion): number | undefined {
    return this.blobByVersion.get(versionKey(ns, channel, version));
  }

  hasWrite(ns: string, checkpointId: string, taskId: string, idx: number): boolean {
    return this.writes.get(writesKey(ns, checkpointId))?.has(`${taskId},${idx}`) ?? false;
  }

  /** Pending writes of one checkpoint in writesSortKey order, the order live execution applies them. */
  pendingWrites(ns: string, checkpointId: string): StoredWrite[] {
    const stored = this.writes.get(writesKey(ns, checkpointId));
    if (!stored) return [];
    const keyed = [...stored.values()].map((write) => ({
      key: writesSortKey(write.taskPath, write.taskId, write.idx),
      write,
    }));
    keyed.sort((a, b) => compareWritesSortKeys(a.key, b.key));
    return keyed.map(({ write }) => write);
  }

  private applyCheckpoint(header: CheckpointRecordHeader, bodyOffset: number): void {
    let offset = bodyOffset;
    const cpOffset = offset;
    offset += header.cp[1];
    const mdOffset = offset;
    offset += header.md[1];
    for (const blob of header.blobs) {
      this.addBlob(header.ns, blob, offset);
      offset += blob[3];
    }
    const parent = header.parent === undefined ? undefined : this.checkpoint(header.ns, header.parent);
    this.addCheckpoint({
      ns: header.ns,
      id: header.id,
      parentId: header.parent,
      cpType: header.cp[0],
      cpOffset,
      cpLength: header.cp[1],
      cpRawLength: header.cp[2],
      mdType: header.md[0],
      mdOffset,
      mdLength: header.md[1],
      refChanges: { parent, drop: header.drop, set: header.refs },
    });
  }

  private addBlob(ns: string, header: BlobHeader, offset: number): void {
    const [channel, version, type, length, baseNumber, prefix, rawLength] = header;
    const base = baseNumber == null ? undefined : this.blobs[baseNumber];
    if (baseNumber != null && !base) throw new Error(`blob refers to missing base blob ${baseNumber}`);
    this.blobs.push({
      channel,
      version,
      type,
      offset,
      length,
      base: baseNumber ?? undefined,
      prefix: prefix ?? undefined,
      rawLength,
      fullLength: base ? prefix! + length : (rawLength ?? length),
      chainLength: base ? base.chainLength + 1 : 0,
      chainBytes: base ? base.chainBytes + length : 0,
    });
    this.blobByVersion.set(versionKey(ns, channel, version), this.blobs.length - 1);
  }

  private addCheckpoint(checkpoint: StoredCheckpoint): void {
    let space = this.namespaces.get(checkpoint.ns);
    if (!space) this.namespaces.set(checkpoint.ns, (space = { ids: [], byId: new Map() }));
    if (!space.byId.has(checkpoint.id)) insertSorted(space.ids, checkpoint.id);
    space.byId.set(checkpoint.id, checkpoint);
  }

  private applyWrites(header: WritesRecordHeader, bodyOffset: number): void {
    const key = writesKey(header.ns, header.cid);
    let stored = this.writes.get(key);
    if (!stored) this.writes.set(key, (stored = new Map()));
    let offset = bodyOffset;
    for (const [channel, idx, type, length] of header.w) {
      stored.set(`${header.task},${idx}`, {
        taskId: header.task,
        channel,
        idx,
        taskPath: header.path,
        type,
        offset,
        length,
      });
      offset += length;
    }
  }

  /** Children keep their parent's StoredCheckpoint through refChanges, so their values still resolve. */
  private applyForget(header: ForgetRecordHeader): void {
    for (const [ns, id] of header.cps) {
      const space = this.namespaces.get(ns);
      if (!space?.byId.delete(id)) continue;
      space.ids.splice(space.ids.indexOf(id), 1);
      if (space.ids.length === 0) this.namespaces.delete(ns);
      this.writes.delete(writesKey(ns, id));
    }
  }
}

function versionKey(ns: string, channel: string, version: ChannelVersion): string {
  return `${ns}\u0000${channel}\u0000${typeof version === "number" ? "n" : "s"}${version}`;
}

function writesKey(ns: string, checkpointId: string): string {
  return `${ns}\u0000${checkpointId}`;
}

function insertSorted(ids: string[], id: string): void {
  if (ids.length === 0 || ids[ids.length - 1] < id) {
    ids.push(id);
    return;
  }
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  ids.splice(lo, 0, id);
}
