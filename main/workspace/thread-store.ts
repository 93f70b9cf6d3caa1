import { join } from "node:path";
import type { Metadata, Thread, ThreadStatus } from "../../shared/api";
import { AppendLog, isObject, type DamagedLine, type Durability } from "./append-log";

type ThreadRecord = { put: Thread } | { delete: string };

const STATUSES: ReadonlySet<unknown> = new Set<ThreadStatus>(["idle", "busy", "interrupted", "error"]);

/**
 * Thread metadata (created_at, updated_at, metadata, status, last values) of a workspace,
 * kept in memory and durable in `.switchyard/threads.jsonl`. Checkpoints live in the saver;
 * a thread whose line here is damaged or missing is rebuilt from its checkpoint log at start
 * (main/api/thread-rebuild.ts).
 *
 * Every change is written to the file first and applied to memory only once the write
 * returned: a write that fails (a value JSON cannot hold, a full disk) changes nothing.
 */
export class ThreadStore {
  private readonly threads = new Map<string, Thread>();
  private readonly log: AppendLog<ThreadRecord>;
  /** Lines of threads.jsonl that could not be read on open. */
  readonly damagedLines: DamagedLine[];

  constructor(dataDir: string, durability: Durability = "sync", onDamagedLine?: (damaged: DamagedLine) => void) {
    const { log, records, damaged } = AppendLog.open<ThreadRecord>(join(dataDir, "threads.jsonl"), { durability, isRecord: isThreadRecord, onDamagedLine });
    this.log = log;
    this.damagedLines = damaged;
    for (const record of records) {
      if ("put" in record) this.threads.set(record.put.thread_id, record.put);
      else this.threads.delete(record.delete);
    }
    for (const thread of this.threads.values()) {
      // A run that was going when the server stopped did not finish.
      if (thread.status === "busy") thread.status = "error";
    }
    if (this.log.recordCount > 2 * this.threads.size + 100) this.log.compact([...this.threads.values()].map((put) => ({ put })));
  }

  get(threadId: string): Thread | undefined {
    return this.threads.get(threadId);
  }

  all(): Thread[] {
    return [...this.threads.values()];
  }

  create(threadId: string, metadata: Metadata): Thread {
    const now = new Date().toISOString();
    const thread: Thread = { thread_id: threadId, created_at: now, updated_at: now, metadata, status: "idle", config: {}, values: null, interrupts: {} };
    return this.put(thread);
  }

  /** A thread entry rebuilt from elsewhere (its checkpoint log), with its own timestamps. */
  restore(thread: Thread): Thread {
    return this.put(thread);
  }

  update(threadId: string, change: Partial<Omit<Thread, "thread_id" | "created_at">>): Thread {
    const current = this.threads.get(threadId);
    if (!current) throw new Error(`thread ${threadId} does not exist`);
    return this.put({ ...current, ...change, updated_at: new Date().toISOString() });
  }

  setStatus(threadId: string, status: ThreadStatus): Thread | undefined {
    if (!this.threads.has(threadId)) return undefined;
    return this.update(threadId, { status });
  }

  delete(threadId: string): boolean {
    if (!this.threads.has(threadId)) return false;
    this.log.append({ delete: threadId });
    this.threads.delete(threadId);
    return true;
  }

  /** Resolves when every change made so far is on disk (what a request awaits before it acknowledges). */
  synced(): Promise<void> {
    return this.log.synced();
  }

  close(): void {
    this.log.close();
  }

  private put(thread: Thread): Thread {
    this.log.append({ put: thread });
    this.threads.set(thread.thread_id, thread);
    return thread;
  }
}

/** True for a line of this index that the store can use. */
export function isThreadRecord(value: unknown): value is ThreadRecord {
  if (!isObject(value)) return false;
  if ("delete" in value) return typeof value.delete === "string";
  const thread = value.put;
  return (
    isObject(thread) &&
    typeof thread.thread_id === "string" &&
    typeof thread.created_at === "string" &&
    typeof thread.updated_at === "string" &&
    isObject(thread.metadata) &&
    STATUSES.has(thread.status)
  );
}
