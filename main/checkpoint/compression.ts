import { deflateRawSync, inflateRawSync } from "node:zlib";

/** Values shorter than this are stored as they are: deflate would barely help. */
const MIN_BYTES = 512;

export interface StoredBytes {
  stored: Buffer;
  /** Set when `stored` is deflated: the length it inflates back to. */
  rawLength?: number;
}

/**
 * Deflates a whole value when that saves at least a tenth. The checkpoint itself is
 * mostly repeated channel names (versions_seen), and a whole list snapshot is text, so
 * both shrink several times; deltas are left raw so rebuilding them stays a plain copy.
 */
export function compress(raw: Buffer): StoredBytes {
  if (raw.length < MIN_BYTES) return { stored: raw };
  // Level 1: a CPU profile of a step showed deflate at ~4% of the step; on a 2.6 kB checkpoint
  // level 1 costs about 2/3 of level 6 for 6% more bytes (426 vs 400). Inflate reads either.
  const deflated = deflateRawSync(raw, { level: 1 });
  return deflated.length * 10 <= raw.length * 9 ? { stored: deflated, rawLength: raw.length } : { stored: raw };
}

export function decompress(stored: Buffer, rawLength: number | undefined): Buffer {
  if (rawLength === undefined) return stored;
  const raw = inflateRawSync(stored);
  if (raw.length !== rawLength) throw new Error(`a value inflated to ${raw.length} bytes, not ${rawLength}`);
  return raw;
}
