import { decompress } from "./compression";
import type { ThreadIndex } from "./thread-index";

type ReadInto = (offset: number, length: number, into: Buffer, at: number) => void;

const DEFAULT_BUDGET_BYTES = 8 << 20;

/**
 * Serialized channel values of one thread, rebuilt from their delta chains on demand.
 * The newest stored version of each channel stays in memory whatever its size, since the
 * next put diffs against it; other versions that were read are kept within a byte budget.
 */
export class ValueCache {
  private readonly newest = new Map<number, Buffer>();
  private readonly newestByChannel = new Map<string, number>();
  private readonly recent = new Map<number, Buffer>();
  private recentBytes = 0;

  constructor(
    private readonly index: ThreadIndex,
    private readonly readInto: ReadInto,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  /** The serialized bytes of blob `blobNumber`, exactly as the serde produced them. */
  bytes(blobNumber: number): Buffer {
    const newest = this.newest.get(blobNumber);
    if (newest) return newest;
    const hit = this.recent.get(blobNumber);
    if (hit) {
      this.recent.delete(blobNumber);
      this.recent.set(blobNumber, hit);
      return hit;
    }
    const value = this.rebuild(blobNumber);
    this.keepRecent(blobNumber, value);
    return value;
  }

  /** Called with each blob a put stores: the new newest version of its channel. */
  rememberNewest(channelKey: string, blobNumber: number, value: Buffer): void {
    const previous = this.newestByChannel.get(channelKey);
    if (previous !== undefined) this.newest.delete(previous);
    this.newestByChannel.set(channelKey, blobNumber);
    this.newest.set(blobNumber, value);
  }

  private keepRecent(blobNumber: number, value: Buffer): void {
    if (value.length > this.budgetBytes / 4) return;
    this.recent.set(blobNumber, value);
    this.recentBytes += value.length;
    for (const [oldest, bytes] of this.recent) {
      if (this.recentBytes <= this.budgetBytes) break;
      this.recent.delete(oldest);
      this.recentBytes -= bytes.length;
    }
  }

  // Walks back to the nearest whole (or cached) value, then replays the deltas forward
  // in one buffer: each keeps a prefix of the value before it and appends its bytes.
  private rebuild(blobNumber: number): Buffer {
    const deltas: number[] = [];
    let start: Buffer | undefined;
    let current = blobNumber;
    for (;;) {
      start = this.newest.get(current) ?? this.recent.get(current);
      if (start) break;
      const blob = this.index.blobs[current];
      if (blob.base === undefined) break;
      deltas.push(current);
      current = blob.base;
    }
    if (!start) {
      const whole = this.index.blobs[current];
      const stored = Buffer.allocUnsafe(whole.length);
      this.readInto(whole.offset, whole.length, stored, 0);
      start = decompress(stored, whole.rawLength);
    }
    if (deltas.length === 0) return start;
    const capacity = Math.max(...deltas.map((n) => this.index.blobs[n].fullLength));
    const value = Buffer.allocUnsafe(capacity);
    start.copy(value, 0, 0, Math.min(start.length, capacity));
    let length = start.length;
    for (let i = deltas.length - 1; i >= 0; i--) {
      const delta = this.index.blobs[deltas[i]];
      this.readInto(delta.offset, delta.length, value, delta.prefix!);
      length = delta.prefix! + delta.length;
    }
    return value.subarray(0, length);
  }
}
