import { join } from "node:path";
import { InMemoryStore, type Item, type Operation, type OperationResults, type PutOperation } from "@langchain/langgraph";
import { AppendLog, type Durability } from "./append-log";

type StoreRecord =
  | { put: { namespace: string[]; key: string; value: Record<string, unknown>; created_at: string; updated_at: string } }
  | { delete: { namespace: string[]; key: string } };

/**
 * LangGraph's long-term memory store (the Store API and `runtime.store` in graphs), durable in
 * `.switchyard/store.jsonl`: LangGraph's InMemoryStore answers reads and searches, and every
 * put or delete is appended to the log before the batch returns. The last record of a key wins;
 * the log is compacted on open when it holds far more records than live items.
 */
export class FileItemStore extends InMemoryStore {
  private readonly log: AppendLog<StoreRecord>;
  private liveItems = 0;

  constructor(dataDir: string, durability: Durability = "async") {
    super();
    const { log, records } = AppendLog.open<StoreRecord>(join(dataDir, "store.jsonl"), durability);
    this.log = log;
    this.replay(records);
  }

  override async batch<Op extends readonly Operation[]>(operations: Op): Promise<OperationResults<Op>> {
    const results = await super.batch(operations);
    for (const op of operations) {
      if (!isPut(op)) continue;
      if (op.value === null) {
        this.log.append({ delete: { namespace: op.namespace, key: op.key } });
        continue;
      }
      const item = await this.get(op.namespace, op.key);
      if (item) this.log.append({ put: recordOf(item) });
    }
    return results;
  }

  close(): void {
    this.log.close();
  }

  private replay(records: StoreRecord[]): void {
    const live = new Map<string, Extract<StoreRecord, { put: unknown }>["put"]>();
    for (const record of records) {
      const { namespace, key } = "put" in record ? record.put : record.delete;
      const id = JSON.stringify([namespace, key]);
      if ("put" in record) live.set(id, record.put);
      else live.delete(id);
    }
    const ops: PutOperation[] = [...live.values()].map(({ namespace, key, value }) => ({ namespace, key, value }));
    // The parent's batch: replaying must not append the records again.
    void super.batch(ops);
    for (const record of live.values()) {
      // InMemoryStore keeps the item object it returns: set its real timestamps back.
      void super.get(record.namespace, record.key).then((item) => {
        if (!item) return;
        item.createdAt = new Date(record.created_at);
        item.updatedAt = new Date(record.updated_at);
      });
    }
    this.liveItems = live.size;
    if (this.log.recordCount > 2 * this.liveItems + 100) this.log.compact([...live.values()].map((put) => ({ put })));
  }
}

function isPut(op: Operation): op is PutOperation {
  return "value" in op && "key" in op && "namespace" in op;
}

function recordOf(item: Item) {
  return { namespace: item.namespace, key: item.key, value: item.value, created_at: new Date(item.createdAt).toISOString(), updated_at: new Date(item.updatedAt).toISOString() };
}
