import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { ASYNC_FSYNC_DELAY_MS, type Durability } from "./durability";
import { CheckpointWriteError, CorruptCheckpointError } from "./errors";
import { decodeRecord } from "./log-records";
import { FRAME_HEADER_BYTES, LOG_MAGIC, MidLogCorruption, appendFrame, frameParts, scanRecords } from "./record-log";
import { ThreadIndex } from "./thread-index";
import { ValueCache } from "./value-cache";

// Looked up on each call rather than bound once, so tests can spy on fs.fdatasync.
const fdatasync = (fd: number) => promisify(fs.fdatasync)(fd);
const fsync = (fd: number) => promisify(fs.fsync)(fd);
const ftruncate = promisify(fs.ftruncate);

export const LOG_FILE_NAME = "checkpoints.log";

/** A record ready to append, and what to do to the index once it is in the file. */
export interface BuiltRecord {
  parts: Buffer[];
  commit(payloadOffset: number): void;
}

interface Append {
  /** Runs in log order against the index as it stands; null means nothing to write. */
  build(): BuiltRecord | null;
  durability: Durability;
  resolve(): void;
  reject(error: unknown): void;
}

export interface TornTail {
  threadId: string;
  offset: number;
  droppedBytes: number;
}

export interface ThreadLogOptions {
  /** Create the log when it does not exist; otherwise open() returns undefined for a missing log. */
  create: boolean;
  onTornTail: (tail: TornTail) => void;
  onEmptyLog?: (threadId: string, file: string) => void;
  /** The group-commit window of "async" appends (see ASYNC_FSYNC_DELAY_MS). */
  asyncFsyncDelayMs?: number;
}

export class ThreadLogClosedError extends Error {
  override name = "ThreadLogClosedError";
}

/**
 * One thread's open log: its file, in-memory index and append queue. Appends run one at
 * a time in arrival order; each is written with one positioned write and committed to
 * the index only once it is in the file. Sync appends then share one fdatasync (group
 * commit): they resolve only after it returns. "async" appends resolve once written and
 * share a later fdatasync: the first unsynced append starts a timer of asyncFsyncDelayMs,
 * and one fdatasync then covers everything written in that window.
 *
 * Why a crash cannot leave half a checkpoint behind:
 * - A put is one record (checkpoint, metadata and its new channel values together), and
 *   records only refer backwards (to earlier blobs, as delta bases or unchanged values).
 *   A record cut short or scrambled by a crash fails its CRC; the scan stops there, so
 *   what is kept is always a prefix of whole records whose references all resolve.
 * - fdatasync after the write, before resolving, makes a resolved "sync" put survive
 *   power loss; the file's length is part of what fdatasync persists.
 * - A new log's magic is fsynced, then its directory and the threads directory, before
 *   the first append, so a durable record is never in a file the tree has forgotten.
 * - A torn tail is cut off and the cut fsynced on open, before anything is appended, so
 *   new records never land behind garbage.
 */
export class ThreadLog {
  readonly index = new ThreadIndex();
  readonly values: ValueCache;
  /** Set when a failed fsync left the file's contents uncertain; the saver reopens the log. */
  broken = false;
  /** Readers walking this log across awaits (list()); a pinned log is not closed to save memory. */
  pins = 0;
  private closing: Promise<void> | undefined;
  private size: number;
  private queue: Append[] = [];
  private draining: Promise<void> | undefined;
  private dirty = false;
  private backgroundSync: Promise<void> | undefined;
  private groupSyncTimer: NodeJS.Timeout | undefined;
  /** A new log's directories, fsynced (with the file itself) by its first sync. */
  private unsyncedDirectories: string[] = [];

  private constructor(
    readonly threadId: string,
    readonly file: string,
    private readonly fd: number,
    size: number,
    private readonly asyncFsyncDelayMs: number,
  ) {
    this.size = size;
    this.values = new ValueCache(this.index, (offset, length, into, at) => this.readInto(offset, length, into, at));
  }

  /** Opens the log and rebuilds its index; returns undefined when it does not exist and `create` is false. */
  static open(threadId: string, threadDir: string, options: ThreadLogOptions): ThreadLog | undefined {
    const file = path.join(threadDir, LOG_FILE_NAME);
    const delay = options.asyncFsyncDelayMs ?? ASYNC_FSYNC_DELAY_MS;
    if (!fs.existsSync(file)) {
      if (!options.create) return undefined;
      return ThreadLog.create(threadId, threadDir, file, delay);
    }
    const fd = fs.openSync(file, "r+");
    try {
      return ThreadLog.load(threadId, file, fd, delay, options.onTornTail, options.onEmptyLog ?? warnEmptyLog);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  // The new file and the directories that name it are fsynced by the first sync, before
  // any put resolves, so a durable checkpoint can never sit in a file the directory tree
  // forgot. Doing it then rather than here keeps three blocking fsyncs off the event loop
  // when a server starts many threads at once. A crash before that sync leaves no file or
  // a short magic, which open() treats as an empty log.
  private static create(threadId: string, threadDir: string, file: string, delay: number): ThreadLog {
    fs.mkdirSync(threadDir, { recursive: true });
    const fd = fs.openSync(file, "w+");
    fs.writeSync(fd, LOG_MAGIC, 0, LOG_MAGIC.length, 0);
    const log = new ThreadLog(threadId, file, fd, LOG_MAGIC.length, delay);
    log.unsyncedDirectories = [threadDir, path.dirname(threadDir)];
    return log;
  }

  private static load(threadId: string, file: string, fd: number, delay: number, onTornTail: (tail: TornTail) => void, onEmptyLog: (threadId: string, file: string) => void): ThreadLog {
    const size = fs.fstatSync(fd).size;
    const magic = Buffer.alloc(LOG_MAGIC.length);
    const got = fs.readSync(fd, magic, 0, magic.length, 0);
    if (got < LOG_MAGIC.length) {
      // Killed while creating the file: nothing was ever appended.
      if (!LOG_MAGIC.subarray(0, got).equals(magic.subarray(0, got))) {
        throw new CorruptCheckpointError(threadId, 0, "the file is not a Switchyard checkpoint log");
      }
      // No acknowledged put can be in a file this short, but a log cut to nothing by hand or by a
      // broken disk reads the same way: say so rather than show an empty thread in silence.
      if (got === 0) onEmptyLog(threadId, file);
      fs.writeSync(fd, LOG_MAGIC, 0, LOG_MAGIC.length, 0);
      fs.fsyncSync(fd);
      return new ThreadLog(threadId, file, fd, LOG_MAGIC.length, delay);
    }
    if (!magic.equals(LOG_MAGIC)) throw new CorruptCheckpointError(threadId, 0, "the file is not a Switchyard checkpoint log");
    const log = new ThreadLog(threadId, file, fd, size, delay);
    const scan = log.rebuildIndex(size);
    if (scan.tornBytes > 0) {
      fs.ftruncateSync(fd, scan.end);
      fs.fsyncSync(fd);
      onTornTail({ threadId, offset: scan.end, droppedBytes: scan.tornBytes });
    }
    log.size = scan.end;
    return log;
  }

  private rebuildIndex(size: number) {
    try {
      return scanRecords(this.fd, LOG_MAGIC.length, size, (payload, payloadOffset) => {
        try {
          this.index.apply(decodeRecord(payload, payloadOffset));
        } catch (error) {
          throw new CorruptCheckpointError(
            this.threadId,
            payloadOffset - FRAME_HEADER_BYTES,
            `the record passes its checksum but cannot be read: ${(error as Error).message}`,
          );
        }
      });
    } catch (error) {
      if (error instanceof MidLogCorruption) throw new CorruptCheckpointError(this.threadId, error.offset, error.detail);
      throw error;
    }
  }

  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    this.readInto(offset, length, bytes, 0);
    return bytes;
  }

  private readInto(offset: number, length: number, into: Buffer, at: number): void {
    let done = 0;
    while (done < length) {
      const got = fs.readSync(this.fd, into, at + done, length - done, offset + done);
      if (got === 0) throw new CorruptCheckpointError(this.threadId, offset, "a value lies past the end of the file");
      done += got;
    }
  }

  append(build: Append["build"], durability: Durability): Promise<void> {
    if (this.closing) return Promise.reject(new ThreadLogClosedError(`thread ${this.threadId}: log is closed`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ build, durability, resolve, reject });
      this.startDraining();
    });
  }

  private startDraining(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0) this.startDraining();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batchStart = this.size;
      const awaitingSync: Append[] = [];
      const wantsBackgroundSync = this.writeQueued(awaitingSync);
      if (awaitingSync.length > 0) {
        // LangGraph saves a task's writes and then, a few microtasks later, the step's
        // checkpoint; waiting one turn of the event loop lets both share one fsync.
        await new Promise((resolve) => setImmediate(resolve));
        this.writeQueued(awaitingSync);
        await this.syncBatch(batchStart, awaitingSync);
      } else if (wantsBackgroundSync) this.syncWithinDelay();
    }
  }

  /** Writes everything queued; true when an "async" append wants an fsync within the delay. */
  private writeQueued(awaitingSync: Append[]): boolean {
    let wantsBackgroundSync = false;
    while (this.queue.length > 0) {
      const append = this.queue.shift()!;
      if (!this.write(append)) continue;
      if (append.durability === "sync") awaitingSync.push(append);
      else append.resolve();
      if (append.durability === "async") wantsBackgroundSync = true;
    }
    return wantsBackgroundSync;
  }

  private write(append: Append): boolean {
    let built: BuiltRecord | null;
    try {
      built = append.build();
    } catch (error) {
      append.reject(error);
      return false;
    }
    if (!built) {
      append.resolve();
      return false;
    }
    const frame = frameParts(built.parts);
    const position = this.size;
    try {
      this.size += appendFrame(this.fd, position, frame);
    } catch (error) {
      append.reject(new CheckpointWriteError(this.threadId, error));
      return false;
    }
    this.dirty = true;
    built.commit(position + FRAME_HEADER_BYTES);
    return true;
  }

  // After a failed fsync the kernel may have dropped the pages, so what is on disk is
  // unknown: cut the batch off and have the saver re-read the log from disk.
  private async syncBatch(batchStart: number, batch: Append[]): Promise<void> {
    try {
      await this.sync();
      for (const append of batch) append.resolve();
    } catch (error) {
      await ftruncate(this.fd, batchStart).catch(() => undefined);
      this.broken = true;
      for (const append of batch) append.reject(new CheckpointWriteError(this.threadId, error));
      for (const append of this.queue.splice(0)) append.reject(new CheckpointWriteError(this.threadId, error));
    }
  }

  private async sync(): Promise<void> {
    this.dirty = false;
    if (this.unsyncedDirectories.length === 0) return fdatasync(this.fd);
    const directories = this.unsyncedDirectories;
    await fsync(this.fd);
    for (const dir of directories) await fsyncDirectoryAsync(dir);
    this.unsyncedDirectories = [];
  }

  /** The group commit of "async" appends: one fsync, at most asyncFsyncDelayMs after the first unsynced write. */
  private syncWithinDelay(): void {
    if (this.groupSyncTimer) return;
    this.groupSyncTimer = setTimeout(() => {
      this.groupSyncTimer = undefined;
      this.syncInBackground();
    }, this.asyncFsyncDelayMs);
  }

  private syncInBackground(): void {
    // A sync under way may have started before the latest writes: sync again after it.
    if (this.backgroundSync) {
      void this.backgroundSync.then(() => {
        if (this.dirty) this.syncWithinDelay();
      });
      return;
    }
    if (!this.dirty) return; // a "sync" append's fsync already covered this window
    this.backgroundSync = this.sync()
      .catch(() => {
        // The records are in the OS (they survive this process being killed); the next window or close() retries.
        this.dirty = true;
      })
      .finally(() => {
        this.backgroundSync = undefined;
      });
  }

  get idle(): boolean {
    return this.pins === 0 && this.queue.length === 0 && !this.draining && !this.backgroundSync && !this.groupSyncTimer;
  }

  /** Waits for queued appends and fsyncs whatever "async" or "exit" appends left unsynced, without waiting for the window. */
  async flush(): Promise<void> {
    while (this.draining || this.backgroundSync) await Promise.all([this.draining, this.backgroundSync]);
    clearTimeout(this.groupSyncTimer);
    this.groupSyncTimer = undefined;
    if (this.dirty) await this.sync();
  }

  /** Refuses new appends at once, finishes queued ones, fsyncs and closes the file. */
  close(): Promise<void> {
    this.closing ??= this.flush()
      .catch(() => undefined)
      .then(() => fs.closeSync(this.fd));
    return this.closing;
  }
}

function warnEmptyLog(threadId: string, file: string): void {
  console.warn(`thread ${threadId}: its checkpoint log ${file} is empty (0 bytes): the thread reads as having no checkpoints; if it had some, they are gone from this file (a backup of it is the only way back)`);
}

async function fsyncDirectoryAsync(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, "r");
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the entry itself.
  } finally {
    await handle?.close();
  }
}

export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the entry itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
