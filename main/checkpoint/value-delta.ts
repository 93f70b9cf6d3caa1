import type { StoredBlob } from "./thread-index";

/** Below this many shared bytes a delta saves too little to be worth a chain link. */
const MIN_SHARED_PREFIX = 32;
/**
 * A whole value is written again once the deltas since the last whole value would add up
 * to more than the value itself, or the chain gets this long. A list grown by appends
 * thus costs its appended bytes plus at most about twice its final size in snapshots,
 * and rebuilding any version reads at most about twice its size.
 */
const MAX_CHAIN_LENGTH = 512;

export interface BlobPlan {
  /** Bytes to store: the whole value, or what follows the shared prefix. */
  body: Buffer;
  base?: number;
  prefix?: number;
}

/**
 * Decides how to store `value` given the previous version of the same channel. The
 * delta is taken on the serialized bytes, so rebuilding it gives back exactly the bytes
 * the serde produced; appending to a JSON list changes only its tail ("...,x]").
 */
export function planBlob(value: Buffer, previous?: { number: number; blob: StoredBlob; bytes: Buffer }): BlobPlan {
  if (!previous) return { body: value };
  const prefix = sharedPrefixLength(previous.bytes, value);
  if (prefix < MIN_SHARED_PREFIX) return { body: value };
  const body = value.subarray(prefix);
  const chainBytes = previous.blob.chainBytes + body.length;
  if (chainBytes > value.length || previous.blob.chainLength + 1 > MAX_CHAIN_LENGTH) return { body: value };
  return { body, base: previous.number, prefix };
}

/** Length of the longest common prefix, found by bisection over native compares. */
export function sharedPrefixLength(a: Buffer, b: Buffer): number {
  let known = 0;
  let limit = Math.min(a.length, b.length);
  if (a.subarray(0, limit).equals(b.subarray(0, limit))) return limit;
  // Invariant: a[0, known) equals b[0, known); a[0, limit) does not equal b[0, limit).
  while (limit - known > 1) {
    const middle = (known + limit) >>> 1;
    if (a.subarray(known, middle).equals(b.subarray(known, middle))) known = middle;
    else limit = middle;
  }
  return known;
}
