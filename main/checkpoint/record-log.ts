import fs from "node:fs";
import { crc32 } from "node:zlib";

/**
 * An append-only file of framed records. Each frame is
 *   u32 payload length | u32 CRC32(payload) | u32 CRC32(the 8 bytes before) | payload
 * all little-endian. The header has its own checksum so a flipped bit in a length is
 * caught before it sends the scanner off to a wrong offset.
 */
export const LOG_MAGIC = Buffer.from("SWYDLOG1", "latin1");
export const FRAME_HEADER_BYTES = 12;
const READ_CHUNK_BYTES = 1 << 20;


export function frameParts(payloadParts: Buffer[]): Buffer[] {
  let length = 0;
  let payloadCrc = 0;
  for (const part of payloadParts) {
    length += part.length;
    payloadCrc = crc32(part, payloadCrc);
  }
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header.writeUInt32LE(length, 0);
  header.writeUInt32LE(payloadCrc, 4);
  header.writeUInt32LE(crc32(header.subarray(0, 8)), 8);
  return [header, ...payloadParts];
}

/**
 * Writes a frame at `position`. On any failure the file is cut back to `position`,
 * so a partly written frame never stays behind, and the error is rethrown.
 * Synchronous on purpose: a few kB into the page cache takes microseconds, less than
 * the round trip through libuv's thread pool that an async write costs.
 */
export function appendFrame(fd: number, position: number, parts: Buffer[]): number {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  let written = 0;
  try {
    while (written < total) written += fs.writevSync(fd, remainingParts(parts, written), position + written);
  } catch (error) {
    try {
      fs.ftruncateSync(fd, position);
    } catch {
      // The next append overwrites from `position` anyway, and a scan treats what is left as a torn tail.
    }
    throw error;
  }
  return total;
}

function remainingParts(parts: Buffer[], skip: number): Buffer[] {
  if (skip === 0) return parts;
  const rest: Buffer[] = [];
  for (const part of parts) {
    if (skip >= part.length) {
      skip -= part.length;
      continue;
    }
    rest.push(skip > 0 ? part.subarray(skip) : part);
    skip = 0;
  }
  return rest;
}

export interface ScanResult {
  /** Offset just past the last intact record: where the next append goes. */
  end: number;
  /** Bytes after `end` that belong to a torn or damaged last record. */
  tornBytes: number;
}

export class MidLogCorruption extends Error {
  override name = "MidLogCorruption";
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {
    super(`record at byte ${offset}: ${detail}`);
  }
}

/**
 * Calls `onRecord` for every intact record from `start` on. A damaged record with no
 * intact record after it is the torn tail of an interrupted append and is reported in
 * `tornBytes`; a damaged record followed by intact ones throws MidLogCorruption,
 * because dropping it would silently lose the records after it.
 */
export function scanRecords(
  fd: number,
  start: number,
  size: number,
  onRecord: (payload: Buffer, payloadOffset: number) => void,
): ScanResult {
  const reader = new ChunkReader(fd, size);
  let position = start;
  while (position < size) {
    const frame = readFrame(reader, position, size);
    if ("problem" in frame) {
      if (hasIntactFrameAfter(reader, position, size)) throw new MidLogCorruption(position, frame.problem);
      return { end: position, tornBytes: size - position };
    }
    onRecord(frame.payload, position + FRAME_HEADER_BYTES);
    position = frame.next;
  }
  return { end: position, tornBytes: 0 };
}

type Frame = { payload: Buffer; next: number } | { problem: string };

function readFrame(reader: ChunkReader, position: number, size: number): Frame {
  if (size - position < FRAME_HEADER_BYTES) return { problem: "the frame header is cut short" };
  const header = reader.read(position, FRAME_HEADER_BYTES);
  if (crc32(header.subarray(0, 8)) !== header.readUInt32LE(8)) return { problem: "the frame header fails its checksum" };
  const length = header.readUInt32LE(0);
  const payloadCrc = header.readUInt32LE(4);
  const next = position + FRAME_HEADER_BYTES + length;
  if (length === 0) return { problem: "the frame is empty" };
  if (next > size) return { problem: "the record runs past the end of the file" };
  const payload = reader.read(position + FRAME_HEADER_BYTES, length);
  if (crc32(payload) !== payloadCrc) return { problem: "the record fails its checksum" };
  return { payload, next };
}

function hasIntactFrameAfter(reader: ChunkReader, damaged: number, size: number): boolean {
  for (let candidate = damaged + 1; candidate + FRAME_HEADER_BYTES < size; candidate++) {
    if ("payload" in readFrame(reader, candidate, size)) return true;
  }
  return false;
}

/** Serves small reads out of large sequential ones; a returned buffer is valid until the next read. */
class ChunkReader {
  private chunk = Buffer.alloc(0);
  private chunkStart = 0;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  read(offset: number, length: number): Buffer {
    const from = offset - this.chunkStart;
    if (from >= 0 && from + length <= this.chunk.length) return this.chunk.subarray(from, from + length);
    const want = Math.min(Math.max(length, READ_CHUNK_BYTES), this.size - offset);
    if (this.chunk.length < want) this.chunk = Buffer.allocUnsafe(want);
    const got = fs.readSync(this.fd, this.chunk, 0, want, offset);
    this.chunkStart = offset;
    this.chunk = this.chunk.subarray(0, got);
    return this.chunk.subarray(0, length);
  }
}
