import fs from "node:fs";
import { basename, dirname } from "node:path";
import { ASYNC_FSYNC_DELAY_MS, type Durability } from "../checkpoint/durability";
import { fsyncDirectory } from "../checkpoint/thread-log";
import { GroupSync } from "./group-sync";

export type { Durability } from "../checkpoint/durability";

/** A line of a JSON-lines index that could not be used: not JSON, or not a record of this log. */
export interface DamagedLine {
  file: string;
  /** 1-based, as an editor shows it. */
  line: number;
  reason: string;
  text: string;
}

export interface AppendLogOptions<T> {
  /** When an append reaches the disk, by the checkpoint saver's rules (see main/checkpoint/durability.ts). */
  durability?: Durability;
  /** True when a parsed line is a record of this log; anything else is reported as damaged. */
  isRecord(value: unknown): value is T;
  /** Told about every damaged line found on open; default: a warning on stderr naming file and line. */
  onDamagedLine?: (damaged: DamagedLine) => void;
}

/**
 * A JSON-lines file that is only ever appended to: one record per line, the last record
 * for a key wins. Damaged lines (a torn last line from a crash mid-write, garbage, `null`)
 * are reported and skipped on load, and moved to `<file>.damaged` when the log is compacted,
 * never dropped.
 *
 * An append is serialized first (a value JSON cannot hold throws before anything is written),
 * then written whole with synchronous write(2) calls, so it survives SIGKILL once it returns;
 * a failed write is cut back off the file. Durability, as for checkpoints:
 * - "sync": a group commit off the event loop (group-sync.ts): append writes the record and
 *   `synced()` resolves once it is fdatasynced; whoever acknowledges the change awaits it first
 *   (the server does for every write request and before a run's stream ends), so an
 *   acknowledged record survives power loss;
 * - "async": a group commit, as the checkpoint logs do: one fdatasync at most ASYNC_FSYNC_DELAY_MS
 *   after the first unsynced append, shared by every append of that window;
 * - "exit": fdatasync by close() only.
 * Callers change their in-memory view only after append returns, so memory never holds what
 * the file does not.
 */
export class AppendLog<T> {
  private lines: number;
  private size: number;
  private unsynced = false;
  private syncScheduled = false;
  private closed = false;
  private readonly groupSync: GroupSync;

  private constructor(
    readonly file: string,
    private readonly durability: Durability,
    private fd: number,
    lines: number,
    size: number,
    private readonly damaged: DamagedLine[],
  ) {
    this.lines = lines;
    this.size = size;
    this.groupSync = new GroupSync(file, () => this.fd);
  }

  static open<T>(file: string, options: AppendLogOptions<T>): { log: AppendLog<T>; records: T[]; damaged: DamagedLine[] } {
    fs.mkdirSync(dirname(file), { recursive: true });
    const existed = fs.existsSync(file);
    const text = existed ? fs.readFileSync(file, "utf8") : "";
    const { records, damaged, lines } = parseLines(file, text, options.isRecord);
    for (const line of damaged) (options.onDamagedLine ?? warnDamagedLine)(line);
    let size = Buffer.byteLength(text);
    const fd = fs.openSync(file, "a");
    if (text && !text.endsWith("\n")) {
      // The last line has no end: a whole record is ended; a torn one (kept in `damaged`) is cut off.
      // Either way the next record starts on a line of its own.
      if (damaged.at(-1)?.line === lines) {
        size = Buffer.byteLength(text.slice(0, text.lastIndexOf("\n") + 1));
        fs.ftruncateSync(fd, size);
      } else {
        writeWhole(fd, Buffer.from("\n"));
        size += 1;
      }
      fs.fsyncSync(fd);
    }
    // A new file is named by its folder: fsync that too, or a power cut can forget the file with its records.
    if (!existed) {
      fs.fsyncSync(fd);
      fsyncDirectory(dirname(file));
    }
    return { log: new AppendLog<T>(file, options.durability ?? "sync", fd, records.length, size, damaged), records, damaged };
  }

  append(record: T): void {
    this.appendAll([record]);
  }

  /** Appends records as one write: all of them are in the file when it returns, or none. */
  appendAll(records: T[]): void {
    if (this.closed) throw new Error(`${this.file} is closed`);
    const bytes = Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(""));
    const start = this.size;
    try {
      writeWhole(this.fd, bytes);
    } catch (error) {
      this.cutBackTo(start);
      throw error;
    }
    this.size += bytes.length;
    this.lines += records.length;
    this.unsynced = true;
    if (this.durability === "sync") this.groupSync.wrote();
    if (this.durability === "async") this.syncSoon();
  }

  /** Resolves when every record appended so far is on disk ("sync" durability; at once for the others). */
  synced(): Promise<void> {
    return this.groupSync.synced();
  }

  get recordCount(): number {
    return this.lines;
  }

  /**
   * Rewrites the log with only the live records (temp file + rename, so a crash keeps one of the
   * two). Damaged lines found on open go to `<file>.damaged` first, so compaction loses nothing.
   */
  compact(live: T[]): void {
    if (this.damaged.length > 0) {
      const kept = this.damaged.map((line) => `${JSON.stringify({ line: line.line, reason: line.reason, text: line.text })}\n`).join("");
      fs.appendFileSync(`${this.file}.damaged`, kept);
      this.damaged.length = 0;
    }
    const temp = `${this.file}.compact.tmp`;
    const fd = fs.openSync(temp, "w");
    const bytes = Buffer.from(live.map((record) => `${JSON.stringify(record)}\n`).join(""));
    writeWhole(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, this.file);
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.file, "a");
    this.lines = live.length;
    this.size = bytes.length;
    this.unsynced = false;
    this.groupSync.flushed();
  }

  /** Fsyncs what "async" or "exit" durability left unsynced, and closes the file. */
  close(): void {
    if (this.closed) return;
    this.sync();
    this.closed = true;
    this.groupSync.close();
    fs.closeSync(this.fd);
  }

  private syncSoon(): void {
    if (this.syncScheduled) return;
    this.syncScheduled = true;
    setTimeout(() => {
      this.syncScheduled = false;
      this.sync();
    }, ASYNC_FSYNC_DELAY_MS).unref();
  }

  private sync(): void {
    if (!this.unsynced || this.closed) return;
    try {
      fs.fdatasyncSync(this.fd);
      this.unsynced = false;
    } catch (error) {
      // The next append or close tries again; the records are in the OS and survive a crash of this process.
      console.warn(`switchyard: could not fsync ${this.file}: ${(error as Error).message}`);
    }
  }

  private cutBackTo(size: number): void {
    try {
      fs.ftruncateSync(this.fd, size);
    } catch {
      // On reload a partial last line is a torn tail and is cut off then.
    }
  }
}

function writeWhole(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

/** The readable records of an index file, in order, read without changing it. */
export function readRecords<T>(file: string, isRecord: (value: unknown) => value is T): T[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return parseLines(file, text, isRecord).records;
}

/** The damaged lines of an index file, read without changing it (`switchyard doctor`). */
export function damagedLinesOf<T>(file: string, isRecord: (value: unknown) => value is T): DamagedLine[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return parseLines(file, text, isRecord).damaged;
}

/**
 * Rewrites an index file with every readable record in order, moving the damaged lines to
 * `<file>.damaged` (`switchyard doctor --repair`). Returns how many lines were moved.
 */
export function setDamagedLinesAside<T>(file: string, isRecord: (value: unknown) => value is T): number {
  if (!fs.existsSync(file)) return 0;
  const { log, records, damaged } = AppendLog.open<T>(file, { isRecord, onDamagedLine: () => {} });
  try {
    if (damaged.length > 0) log.compact(records);
  } finally {
    log.close();
  }
  return damaged.length;
}

/** `lines`: how many lines the text has, counting a last one without its end. */
function parseLines<T>(file: string, text: string, isRecord: (value: unknown) => value is T): { records: T[]; damaged: DamagedLine[]; lines: number } {
  const records: T[] = [];
  const damaged: DamagedLine[] = [];
  const lines = text.split("\n");
  if (text === "" || text.endsWith("\n")) lines.pop();
  lines.forEach((line, i) => {
    if (!line) return;
    const reason = problemOf(line, isRecord, i === lines.length - 1 && !text.endsWith("\n"));
    if (reason) damaged.push({ file, line: i + 1, reason, text: line });
    else records.push(JSON.parse(line) as T);
  });
  return { records, damaged, lines: lines.length };
}

function problemOf<T>(line: string, isRecord: (value: unknown) => value is T, lastWithoutEnd: boolean): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return lastWithoutEnd ? "an interrupted write (the last line is cut short): cut off" : "not valid JSON";
  }
  if (isRecord(value)) return undefined;
  return `not a record of this file (${JSON.stringify(value)?.slice(0, 60)})${lastWithoutEnd ? ": cut off" : ""}`;
}

function warnDamagedLine(damaged: DamagedLine): void {
  console.warn(`switchyard: ${basename(dirname(damaged.file))}/${basename(damaged.file)} line ${damaged.line}: skipped a damaged record (${damaged.reason})`);
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
