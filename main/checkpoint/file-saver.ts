import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  TASKS,
  WRITES_IDX_MAP,
  getCheckpointId,
  maxChannelVersion,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint";
import { buildCheckpointRecord, type SerializedValue } from "./checkpoint-record";
import { decompress } from "./compression";
import { durabilityOf, type Durability } from "./durability";
import { CheckpointWriteError, CheckpointerClosedError, InvalidSaverOptionError, MissingCheckpointConfigError } from "./errors";
import type { StoredCheckpoint } from "./thread-index";
import { assertValidThreadId, threadDirName, threadIdFromDirName } from "./thread-id";
import { LOG_FILE_NAME, ThreadLog, ThreadLogClosedError, fsyncDirectory, type TornTail } from "./thread-log";
import { WorkspaceLock } from "./workspace-lock";
import { buildForgetRecord } from "./forget-record";
import { buildWritesRecord } from "./writes-record";

// What callers need, from one import.
export {
  CheckpointWriteError,
  CheckpointerClosedError,
  CorruptCheckpointError,
  InvalidSaverOptionError,
  InvalidThreadIdError,
  MissingCheckpointConfigError,
  WorkspaceLockedError,
} from "./errors";
export { assertValidThreadId } from "./thread-id";
export type { Durability } from "./durability";
export type { TornTail } from "./thread-log";

export interface FileCheckpointSaverOptions {
  /** When a put reaches the disk unless the run sets `durability` itself; default "sync". */
  durability?: Durability;
  serde?: SerializerProtocol;
  /** Told when opening a thread cut off a torn last record; default: console.warn. */
  onTornTail?: (tail: TornTail) => void;
  /** Told when a thread's log is an empty (0-byte) file; default: console.warn. */
  onEmptyLog?: (threadId: string, file: string) => void;
  /**
   * The group-commit window of "async" durability: appends are fsynced together at most this
   * many ms after the first of them was written; default ASYNC_FSYNC_DELAY_MS (20).
   */
  asyncFsyncDelayMs?: number;
  /** Threads kept open (file handle, index, newest values) before idle ones are closed; default 64. */
  maxOpenThreads?: number;
}

/**
 * Checkpoints on disk, one append-only log per thread under `<dir>/threads/<thread_id>/`.
 * Holds `<dir>/checkpoints.lock` from construction until close(), so a second process
 * opening the same directory fails at once with WorkspaceLockedError.
 */
export class FileCheckpointSaver extends BaseCheckpointSaver {
  readonly durability: Durability;
  private readonly threadsDir: string;
  private readonly threads = new Map<string, ThreadLog>();
  private readonly lock: WorkspaceLock;
  private readonly onTornTail: (tail: TornTail) => void;
  private readonly onEmptyLog: ((threadId: string, file: string) => void) | undefined;
  private readonly maxOpenThreads: number;
  private readonly asyncFsyncDelayMs: number | undefined;
  private closed = false;

  constructor(
    readonly dir: string,
    options: FileCheckpointSaverOptions = {},
  ) {
    const delay = options.asyncFsyncDelayMs;
    if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) {
      throw new InvalidSaverOptionError("asyncFsyncDelayMs", delay, "a number of milliseconds, 0 or more");
    }
    super(options.serde);
    this.durability = options.durability ?? "sync";
    this.onTornTail = options.onTornTail ?? warnTornTail;
    this.onEmptyLog = options.onEmptyLog;
    this.maxOpenThreads = options.maxOpenThreads ?? 64;
    this.asyncFsyncDelayMs = options.asyncFsyncDelayMs;
    this.threadsDir = path.join(dir, "threads");
    this.lock = WorkspaceLock.acquire(dir);
  }

  /** Ids of the threads that have a checkpoint log on disk, sorted. */
  listThreadIds(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.threadsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .map(threadIdFromDirName)
      .filter((id): id is string => id !== undefined && fs.existsSync(this.logFileOf(id)))
      .sort();
  }

  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    this.assertOpen();
    const threadId = config.configurable?.thread_id;
    if (threadId === undefined) return undefined;
    assertValidThreadId(threadId);
    const log = this.thread(threadId, false);
    if (!log) return undefined;
    const ns: string = config.configurable?.checkpoint_ns ?? "";
    const id = getCheckpointId(config);
    const stored = id ? log.index.checkpoint(ns, id) : log.index.latest(ns);
    return stored && this.readTuple(log, stored);
  }

  override async *list(config: RunnableConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    this.assertOpen();
    const { before, filter } = options;
    let remaining = options.limit;
    const requestedThread = config.configurable?.thread_id;
    if (requestedThread !== undefined) assertValidThreadId(requestedThread);
    const threadIds = requestedThread !== undefined ? [requestedThread as string] : this.listThreadIds();
    const ns: string | undefined = config.configurable?.checkpoint_ns;
    const onlyId: string | undefined = config.configurable?.checkpoint_id;
    const beforeId: string | undefined = before?.configurable?.checkpoint_id;
    for (const threadId of threadIds) {
      const log = this.thread(threadId, false);
      if (!log) continue;
      log.pins++;
      try {
        for (const stored of log.index.newestFirst(ns)) {
          if (onlyId && stored.id !== onlyId) continue;
          if (beforeId && stored.id >= beforeId) continue;
          if (filter && !(await this.metadataMatches(log, stored, filter))) continue;
          if (remaining !== undefined && remaining-- <= 0) return;
          yield await this.readTuple(log, stored);
        }
      } finally {
        log.pins--;
      }
    }
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    this.assertOpen();
    const threadId = config.configurable?.thread_id;
    if (threadId === undefined) throw new MissingCheckpointConfigError("put", "thread_id");
    assertValidThreadId(threadId);
    const ns: string = config.configurable?.checkpoint_ns ?? "";
    const { channel_values: values, ...withoutValues } = checkpoint;
    // A versioned channel's value lives in a blob per version. A channel with a value but
    // no version (a reducer's default nobody wrote yet) has nowhere else to go, so it stays
    // inline, as MemorySaver would return it.
    const unversioned = Object.fromEntries(Object.entries(values).filter(([channel]) => !Object.hasOwn(checkpoint.channel_versions, channel)));
    const [serializedCheckpoint, serializedMetadata, newBlobs] = await Promise.all([
      this.serialize({ ...withoutValues, channel_values: unversioned }),
      this.serialize(metadata),
      Promise.all(
        Object.entries(newVersions).map(async ([channel, version]) => ({
          channel,
          version,
          value: Object.hasOwn(values, channel) ? await this.serialize(values[channel]) : undefined,
        })),
      ),
    ]);
    const input = {
      ns,
      id: checkpoint.id,
      parentId: config.configurable?.checkpoint_id,
      checkpoint: serializedCheckpoint,
      metadata: serializedMetadata,
      channelVersions: checkpoint.channel_versions,
      newBlobs,
    };
    await this.append(threadId, durabilityOf(config, this.durability), (log) => buildCheckpointRecord(log, input));
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    this.assertOpen();
    const threadId = config.configurable?.thread_id;
    const checkpointId = config.configurable?.checkpoint_id;
    if (threadId === undefined) throw new MissingCheckpointConfigError("putWrites", "thread_id");
    if (checkpointId === undefined) throw new MissingCheckpointConfigError("putWrites", "checkpoint_id");
    assertValidThreadId(threadId);
    const serialized = await Promise.all(
      writes.map(async ([channel, value], idx) => ({
        channel,
        idx: WRITES_IDX_MAP[channel] || idx,
        value: await this.serialize(value),
      })),
    );
    const input = {
      ns: config.configurable?.checkpoint_ns ?? "",
      checkpointId,
      taskId,
      taskPath: taskPath ?? "",
      writes: serialized,
    };
    await this.append(threadId, durabilityOf(config, this.durability), (log) => buildWritesRecord(log, input));
  }

  /**
   * Takes checkpoints of a thread back, with their pending writes (what LangGraph Platform does to
   * a run undone by rollback). One record, synced before it returns: after a crash they are gone
   * or all still there.
   */
  async deleteCheckpoints(threadId: string, checkpoints: Array<{ ns: string; id: string }>): Promise<void> {
    this.assertOpen();
    assertValidThreadId(threadId);
    if (!this.thread(threadId, false)) return;
    await this.append(threadId, "sync", (log) => buildForgetRecord(log, checkpoints));
  }

  override async deleteThread(threadId: string): Promise<void> {
    this.assertOpen();
    assertValidThreadId(threadId);
    const log = this.threads.get(threadId);
    this.threads.delete(threadId);
    await log?.close();
    const threadDir = path.join(this.threadsDir, threadDirName(threadId));
    fs.rmSync(threadDir, { recursive: true, force: true });
    fsyncDirectory(this.threadsDir);
  }

  /** Waits for queued writes, fsyncs what "async"/"exit" durability left unsynced, releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.all([...this.threads.values()].map((log) => log.close()));
    } finally {
      this.threads.clear();
      this.lock.release();
    }
  }

  /** Waits for queued writes and fsyncs them, without closing. */
  async flush(): Promise<void> {
    await Promise.all([...this.threads.values()].map((log) => log.flush()));
  }

  private async append(
    threadId: string,
    durability: Durability,
    build: (log: ThreadLog) => ReturnType<Parameters<ThreadLog["append"]>[0]>,
  ): Promise<void> {
    const log = this.openForWriting(threadId);
    try {
      await log.append(() => build(log), durability);
    } catch (error) {
      // The thread was deleted while this write waited: write into a fresh log.
      if (!(error instanceof ThreadLogClosedError) || this.closed) throw error;
      const fresh = this.openForWriting(threadId);
      await fresh.append(() => build(fresh), durability);
    }
  }

  private openForWriting(threadId: string): ThreadLog {
    try {
      return this.thread(threadId, true)!;
    } catch (error) {
      // Creating the thread's directory or log failed (a full disk, permissions).
      if ((error as NodeJS.ErrnoException).code) throw new CheckpointWriteError(threadId, error);
      throw error;
    }
  }

  private thread(threadId: string, create: boolean): ThreadLog | undefined {
    const open = this.threads.get(threadId);
    if (open) this.threads.delete(threadId);
    if (open && !open.broken) {
      this.threads.set(threadId, open); // most recently used last
      return open;
    }
    if (open) void open.close();
    const log = ThreadLog.open(threadId, path.dirname(this.logFileOf(threadId)), {
      create,
      onTornTail: this.onTornTail,
      onEmptyLog: this.onEmptyLog,
      asyncFsyncDelayMs: this.asyncFsyncDelayMs,
    });
    if (!log) return undefined;
    this.closeIdleThreads(log);
    this.threads.set(threadId, log);
    return log;
  }

  /** Closes the least recently used idle logs beyond maxOpenThreads (not `keep`, about to be used). */
  private closeIdleThreads(keep: ThreadLog): void {
    let excess = this.threads.size + 1 - this.maxOpenThreads;
    for (const [threadId, log] of this.threads) {
      if (excess <= 0) break;
      if (!log.idle || log === keep) continue;
      this.threads.delete(threadId);
      void log.close();
      excess--;
    }
  }

  /** Where a thread's checkpoint log is (whether or not it exists). */
  logFileOf(threadId: string): string {
    return path.join(this.threadsDir, threadDirName(threadId), LOG_FILE_NAME);
  }

  private async readTuple(log: ThreadLog, stored: StoredCheckpoint): Promise<CheckpointTuple> {
    // Everything is read from the file before the first await, while the index is as seen.
    const checkpointBytes = decompress(log.read(stored.cpOffset, stored.cpLength), stored.cpRawLength);
    const metadataBytes = log.read(stored.mdOffset, stored.mdLength);
    const values: [string, string, Buffer][] = [];
    for (const [channel, number] of log.index.refsOf(stored)) {
      const blob = log.index.blobs[number];
      if (blob.type !== null) values.push([channel, blob.type, log.values.bytes(number)]);
    }
    const writes = log.index.pendingWrites(stored.ns, stored.id).map((w) => ({ ...w, bytes: log.read(w.offset, w.length) }));
    const parentSends =
      stored.parentId === undefined
        ? []
        : log.index
            .pendingWrites(stored.ns, stored.parentId)
            .filter((w) => w.channel === TASKS)
            .map((w) => ({ type: w.type, bytes: log.read(w.offset, w.length) }));

    const checkpoint = (await this.deserialize(stored.cpType, checkpointBytes)) as Checkpoint;
    checkpoint.channel_values ??= {};
    for (const [channel, type, bytes] of values) checkpoint.channel_values[channel] = await this.deserialize(type, bytes);
    if (checkpoint.v < 4 && stored.parentId !== undefined) {
      await this.migratePendingSends(checkpoint, parentSends);
    }
    const pendingWrites: CheckpointPendingWrite[] = await Promise.all(
      writes.map(async (w): Promise<CheckpointPendingWrite> => [w.taskId, w.channel, await this.deserialize(w.type, w.bytes)]),
    );
    const configurable = { thread_id: log.threadId, checkpoint_ns: stored.ns };
    return {
      config: { configurable: { ...configurable, checkpoint_id: stored.id } },
      checkpoint,
      metadata: (await this.deserialize(stored.mdType, metadataBytes)) as CheckpointMetadata,
      pendingWrites,
      ...(stored.parentId === undefined ? {} : { parentConfig: { configurable: { ...configurable, checkpoint_id: stored.parentId } } }),
    };
  }

  // Checkpoints before format v4 kept pending sends as writes to the parent's TASKS
  // channel; newer LangGraph expects them in channel_values, as MemorySaver migrates them.
  private async migratePendingSends(checkpoint: Checkpoint, parentSends: SerializedValue[]): Promise<void> {
    checkpoint.channel_values[TASKS] = await Promise.all(parentSends.map((send) => this.deserialize(send.type, send.bytes)));
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_versions[TASKS] = versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined);
  }

  private async metadataMatches(log: ThreadLog, stored: StoredCheckpoint, filter: Record<string, unknown>): Promise<boolean> {
    const metadata = (await this.deserialize(stored.mdType, log.read(stored.mdOffset, stored.mdLength))) as Record<string, unknown>;
    return Object.entries(filter).every(([key, value]) => isDeepStrictEqual(metadata?.[key], value));
  }

  private async serialize(value: unknown): Promise<SerializedValue> {
    const [type, bytes] = await this.serde.dumpsTyped(value);
    const buffer = typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { type, bytes: buffer };
  }

  private deserialize(type: string, bytes: Buffer): Promise<unknown> {
    // A "bytes" value is handed back as stored; give the caller a plain Uint8Array it owns.
    return this.serde.loadsTyped(type, type === "bytes" ? new Uint8Array(bytes) : bytes);
  }

  private assertOpen(): void {
    if (this.closed) throw new CheckpointerClosedError(this.dir);
  }
}

function warnTornTail(tail: TornTail): void {
  console.warn(
    `thread ${tail.threadId}: dropped ${tail.droppedBytes} bytes of an interrupted write at byte ${tail.offset} of its checkpoint log`,
  );
}
