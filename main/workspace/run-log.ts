import { join } from "node:path";
import type { Run } from "../../shared/api";
import { AppendLog, isObject, type DamagedLine, type Durability } from "./append-log";

type RunRecord = { put: Run } | { delete: string };

/**
 * The workspace's run log (`.switchyard/runs.jsonl`): every run record, the last write wins.
 * A change is written to the file first and applied to memory only once the write returned.
 */
export class RunLog {
  private readonly runs = new Map<string, Run>();
  private readonly log: AppendLog<RunRecord>;

  constructor(dataDir: string, durability: Durability = "sync", onDamagedLine?: (damaged: DamagedLine) => void) {
    const { log, records } = AppendLog.open<RunRecord>(join(dataDir, "runs.jsonl"), { durability, isRecord: isRunRecord, onDamagedLine });
    this.log = log;
    for (const record of records) {
      if ("put" in record) this.runs.set(record.put.run_id, record.put);
      else this.runs.delete(record.delete);
    }
    for (const run of this.runs.values()) {
      if (run.status === "pending" || run.status === "running") run.status = "error";
    }
    if (this.log.recordCount > 2 * this.runs.size + 100) this.log.compact([...this.runs.values()].map((put) => ({ put })));
  }

  get(runId: string): Run | undefined {
    return this.runs.get(runId);
  }

  ofThread(threadId: string): Run[] {
    return [...this.runs.values()].filter((run) => run.thread_id === threadId).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  }

  put(run: Run): Run {
    this.log.append({ put: run });
    this.runs.set(run.run_id, run);
    return run;
  }

  delete(runId: string): void {
    if (!this.runs.has(runId)) return;
    this.log.append({ delete: runId });
    this.runs.delete(runId);
  }

  deleteThread(threadId: string): void {
    const ids = this.ofThread(threadId).map((run) => run.run_id);
    if (ids.length === 0) return;
    this.log.appendAll(ids.map((id) => ({ delete: id })));
    for (const id of ids) this.runs.delete(id);
  }

  /** Resolves when every change made so far is on disk (what a request awaits before it acknowledges). */
  synced(): Promise<void> {
    return this.log.synced();
  }

  close(): void {
    this.log.close();
  }
}

/** True for a line of this index that the store can use. */
export function isRunRecord(value: unknown): value is RunRecord {
  if (!isObject(value)) return false;
  if ("delete" in value) return typeof value.delete === "string";
  const run = value.put;
  return isObject(run) && typeof run.run_id === "string" && typeof run.thread_id === "string" && typeof run.status === "string" && typeof run.created_at === "string" && isObject(run.metadata);
}
