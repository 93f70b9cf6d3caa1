import { join } from "node:path";
import type { Metadata, Thread, ThreadStatus } from "../../shared/api";
import { AppendLog, type Durability } from "./append-log";

type ThreadRecord = { put: Thread } | { delete: string };

/**
 * Thread metadata (created_at, updated_at, metadata, status, last values) of a workspace,
 * kept in memory and durable in `.switchyard/threads.jsonl`. Checkpoints live in the saver.
 */
export class ThreadStore {
  private readonly threads = new Map<string, Thread>();
  private readonly log: AppendLog<ThreadRecord>;

  constructor(dataDir: string, durability: Durability = "async") {
    const { log, records } = AppendLog.open<ThreadRecord>(join(dataDir, "threads.jsonl"), durability);
    this.log = log;
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
    if (!this.threads.delete(threadId)) return false;
    this.log.append({ delete: threadId });
    return true;
  }

  close(): void {
    this.log.close();
  }

  private put(thread: Thread): Thread {
    this.threads.set(thread.thread_id, thread);
    this.log.append({ put: thread });
    return thread;
  }
}
