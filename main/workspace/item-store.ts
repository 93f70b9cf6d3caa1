import { join } from "node:path";
import { InMemoryStore, type Item, type Operation, type OperationResults, type PutOperation } from "@langchain/langgraph";
import { validateNamespace } from "@langchain/langgraph-checkpoint";
import { AppendLog, isObject, type DamagedLine, type Durability } from "./append-log";

type StoredItem = { namespace: string[]; key: string; value: Record<string, unknown>; created_at: string; updated_at: string };
type StoreRecord = { put: StoredItem } | { delete: { namespace: string[]; key: string } };

/**
 * LangGraph's long-term memory store (the Store API and `runtime.store` in graphs), durable in
 * `.switchyard/store.jsonl`: LangGraph's InMemoryStore answers reads and searches. A batch's
 * puts and deletes are checked by the parent (namespaces), written to the log in one append,
 * and only then applied to memory, so a write that fails leaves the store as it was. The last
 * record of a key wins; the log is compacted on open when it holds far more records than live items.
 */
export class FileItemStore extends InMemoryStore {
  private readonly log: AppendLog<StoreRecord>;
  private liveItems = 0;

  constructor(dataDir: string, durability: Durability = "sync", onDamagedLine?: (damaged: DamagedLine) => void) {
    super();
    const { log, records } = AppendLog.open<StoreRecord>(join(dataDir, "store.jsonl"), { durability, isRecord: isStoreRecord, onDamagedLine });
    this.log = log;
    this.replay(records);
  }

  override async batch<Op extends readonly Operation[]>(operations: Op): Promise<OperationResults<Op>> {
    const writes = operations.filter(isPut);
    if (writes.length === 0) return super.batch(operations);
    // Reading the items first checks every namespace the way the parent's batch would, before anything is written.
    const existing = (await super.batch(writes.map(({ namespace, key }) => ({ namespace, key })))) as (Item | null)[];
    const now = new Date().toISOString();
    const records = writes.map((op, i): StoreRecord => {
      if (op.value === null) return { delete: { namespace: op.namespace, key: op.key } };
      const createdAt = existing[i] ? new Date(existing[i].createdAt).toISOString() : now;
      return { put: { namespace: op.namespace, key: op.key, value: op.value, created_at: createdAt, updated_at: now } };
    });
    this.log.appendAll(records);
    const results = await super.batch(operations);
    for (const record of records) if ("put" in record) await this.setTimestamps(record.put);
    return results;
  }

  /** Resolves when every change made so far is on disk (what a request awaits before it acknowledges). */
  synced(): Promise<void> {
    return this.log.synced();
  }

  close(): void {
    this.log.close();
  }

  private replay(records: StoreRecord[]): void {
    const live = new Map<string, StoredItem>();
    for (const record of records) {
      const { namespace, key } = "put" in record ? record.put : record.delete;
      const id = JSON.stringify([namespace, key]);
      if ("put" in record) live.set(id, record.put);
      else live.delete(id);
    }
    const ops: PutOperation[] = [...live.values()].map(({ namespace, key, value }) => ({ namespace, key, value }));
    // The parent's batch: replaying must not append the records again.
    void super.batch(ops);
    for (const record of live.values()) void this.setTimestamps(record);
    this.liveItems = live.size;
    if (this.log.recordCount > 2 * this.liveItems + 100) this.log.compact([...live.values()].map((put) => ({ put })));
  }

  // InMemoryStore keeps the item object it returns: give it the timestamps the log holds.
  private async setTimestamps(record: StoredItem): Promise<void> {
    const item = await super.get(record.namespace, record.key);
    if (!item) return;
    item.createdAt = new Date(record.created_at);
    item.updatedAt = new Date(record.updated_at);
  }
}

/** True for a line of this index that the store can use. */
export function isStoreRecord(value: unknown): value is StoreRecord {
  if (!isObject(value)) return false;
  const item = "put" in value ? value.put : value.delete;
  if (!isObject(item) || !Array.isArray(item.namespace) || typeof item.key !== "string") return false;
  try {
    validateNamespace(item.namespace as string[], { allowReservedRoot: true });
  } catch {
    return false;
  }
  return !("put" in value) || (isObject(item.value) && typeof item.created_at === "string" && typeof item.updated_at === "string");
}

function isPut(op: Operation): op is PutOperation {
  return "value" in op && "key" in op && "namespace" in op;
}
