import { decompress } from "./compression";
import type { ThreadIndex } from "./thread-index";

type ReadInto = (offset: number, length: number, into: Buffer, at: number) => void;

const DEFAULT_BUDGET_BYTES = 32 << 20;

/**
 * Serialized channel values of one thread, rebuilt from their delta chains on demand.
 * Keeps the most recently used ones (the newest version of each channel, in practice,
 * which the next put diffs against) within a byte budget.
 */
export class ValueCache {
  private readonly cached = new Map<number, Buffer>();
  private cachedBytes = 0;

  constructor(
    private readonly index: ThreadIndex,
    private readonly readInto: ReadInto,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  /** The serialized bytes of blob `blobNumber`, exactly as the serde produced them. */
  bytes(blobNumber: number): Buffer {
    const hit = this.cached.get(blobNumber);
    if (hit) {
      this.cached.delete(blobNumber);
      this.cached.set(blobNumber, hit);
      return hit;
    }
    const value = this.rebuild(blobNumber);
    this.remember(blobNumber, value);
    return value;
  }

  remember(blobNumber: number, value: Buffer): void {
    if (value.length > this.budgetBytes / 4) return;
    this.cached.set(blobNumber, value);
    this.cachedBytes += value.length;
    for (const [oldest, bytes] of this.cached) {
      if (this.cachedBytes <= this.budgetBytes) break;
      this.cached.delete(oldest);
      this.cachedBytes -= bytes.length;
    }
  }

  // Walks back to the nearest whole (or cached) value, then replays the deltas forward
  // in one buffer: each keeps a prefix of the value before it and appends its bytes.
  private rebuild(blobNumber: number): Buffer {
    const deltas: number[] = [];
    let start: Buffer | undefined;
    let current = blobNumber;
    for (;;) {
      start = this.cached.get(current);
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
