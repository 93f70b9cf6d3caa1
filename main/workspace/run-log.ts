import { join } from "node:path";
import type { Run } from "../../shared/api";
import { AppendLog, type Durability } from "./append-log";

type RunRecord = { put: Run } | { delete: string };

/** The workspace's run log (`.switchyard/runs.jsonl`): every run record, the last write wins. */
export class RunLog {
  private readonly runs = new Map<string, Run>();
  private readonly log: AppendLog<RunRecord>;

  constructor(dataDir: string, durability: Durability = "async") {
    const { log, records } = AppendLog.open<RunRecord>(join(dataDir, "runs.jsonl"), durability);
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
    this.runs.set(run.run_id, run);
    this.log.append({ put: run });
    return run;
  }

  delete(runId: string): void {
    if (this.runs.delete(runId)) this.log.append({ delete: runId });
  }

  deleteThread(threadId: string): void {
    for (const run of this.ofThread(threadId)) this.delete(run.run_id);
  }

  close(): void {
    this.log.close();
  }
}
