import fs from "node:fs";
import path from "node:path";
import { decodeRecord } from "./log-records";
import { FRAME_HEADER_BYTES, LOG_MAGIC, MidLogCorruption, scanRecords } from "./record-log";
import { ThreadIndex } from "./thread-index";
import { fsyncDirectory } from "./thread-log";

/** What `switchyard doctor` finds in one thread's checkpoint log. */
export type LogHealth =
  | { kind: "intact"; records: number; size: number }
  /** 0 bytes: it reads as a thread with no checkpoints. */
  | { kind: "empty" }
  /** An interrupted last write; the server cuts it off when it opens the thread. */
  | { kind: "torn"; offset: number; bytes: number; records: number }
  /** A damaged record with intact ones after it (or a file that is not a log: offset 0). */
  | { kind: "corrupt"; offset: number; bytes: number; records: number; detail: string };

/**
 * Reads a checkpoint log without changing it: every frame's checksums, and every record's
 * header decoded into an index as the saver would, so a record the server cannot read is
 * found here too. Records are kept as a prefix only, because later records may refer back to
 * values in a damaged one.
 */
export function checkThreadLog(file: string): LogHealth {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return { kind: "empty" };
    const magic = Buffer.alloc(LOG_MAGIC.length);
    const got = fs.readSync(fd, magic, 0, magic.length, 0);
    if (!LOG_MAGIC.subarray(0, got).equals(magic.subarray(0, got))) return { kind: "corrupt", offset: 0, bytes: size, records: 0, detail: "the file is not a Switchyard checkpoint log" };
    if (got < LOG_MAGIC.length) return { kind: "torn", offset: 0, bytes: size, records: 0 };
    return scan(fd, size);
  } finally {
    fs.closeSync(fd);
  }
}

function scan(fd: number, size: number): LogHealth {
  const index = new ThreadIndex();
  let records = 0;
  try {
    const result = scanRecords(fd, LOG_MAGIC.length, size, (payload, payloadOffset) => {
      try {
        index.apply(decodeRecord(payload, payloadOffset));
      } catch (error) {
        throw new MidLogCorruption(payloadOffset - FRAME_HEADER_BYTES, `the record passes its checksum but cannot be read: ${(error as Error).message}`);
      }
      records++;
    });
    if (result.tornBytes > 0) return { kind: "torn", offset: result.end, bytes: result.tornBytes, records };
    return { kind: "intact", records, size };
  } catch (error) {
    if (error instanceof MidLogCorruption) return { kind: "corrupt", offset: error.offset, bytes: size - error.offset, records, detail: error.detail };
    throw error;
  }
}

/** Where the damaged tail of `file` from `offset` on is kept by a repair. */
export function damagedTailFile(file: string, offset: number): string {
  return `${file}.damaged-${offset}`;
}

/**
 * Keeps the intact records of a damaged log and moves everything from the first damaged byte on
 * into `<log>.damaged-<offset>` next to it. Nothing is deleted: the side file is written and
 * fsynced before the log is cut, so a crash in between leaves the bytes in both places.
 */
export function repairThreadLog(file: string, health: Extract<LogHealth, { kind: "torn" | "corrupt" }>): string {
  const aside = damagedTailFile(file, health.offset);
  const fd = fs.openSync(file, "r+");
  try {
    const tail = Buffer.alloc(health.bytes);
    fs.readSync(fd, tail, 0, tail.length, health.offset);
    const out = fs.openSync(aside, "wx");
    try {
      fs.writeSync(out, tail);
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    fsyncDirectory(path.dirname(file));
    // A log cut before its magic would be "not a log" again: an empty log starts with the magic.
    if (health.offset < LOG_MAGIC.length) fs.writeSync(fd, LOG_MAGIC, 0, LOG_MAGIC.length, 0);
    fs.ftruncateSync(fd, Math.max(health.offset, LOG_MAGIC.length));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return aside;
}
