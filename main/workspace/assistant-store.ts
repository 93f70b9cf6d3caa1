import { join } from "node:path";
import type { Assistant, AssistantVersion } from "../../shared/api";
import { AppendLog, isObject, type DamagedLine, type Durability } from "./append-log";

type AssistantRecord = { assistant: Assistant } | { version: AssistantVersion } | { delete: string };

/** The fields a new version may change. */
export type AssistantChange = Partial<Pick<Assistant, "graph_id" | "config" | "context" | "metadata" | "name" | "description">>;

const CHANGEABLE: ReadonlySet<string> = new Set(["graph_id", "config", "context", "metadata", "name", "description"]);

/**
 * Assistants and their versions, durable in `.switchyard/assistants.jsonl` (the last record of an
 * assistant wins). Creating an assistant makes version 1; every update adds a version and makes
 * it the latest; `setLatest` points the assistant back at an older version. A change is written
 * to the file first (its records in one write) and applied to memory only once the write returned.
 */
export class AssistantStore {
  private readonly assistants = new Map<string, Assistant>();
  private readonly versions = new Map<string, AssistantVersion[]>();
  private readonly log: AppendLog<AssistantRecord>;

  constructor(dataDir: string, durability: Durability = "sync", onDamagedLine?: (damaged: DamagedLine) => void) {
    const { log, records } = AppendLog.open<AssistantRecord>(join(dataDir, "assistants.jsonl"), { durability, isRecord: isAssistantRecord, onDamagedLine });
    this.log = log;
    for (const record of records) this.apply(record);
    const live = this.liveRecords();
    if (this.log.recordCount > 2 * live.length + 100) this.log.compact(live);
  }

  get(assistantId: string): Assistant | undefined {
    return this.assistants.get(assistantId);
  }

  all(): Assistant[] {
    return [...this.assistants.values()];
  }

  create(assistantId: string, fields: Omit<Assistant, "assistant_id" | "version" | "created_at" | "updated_at">): Assistant {
    const now = new Date().toISOString();
    const assistant: Assistant = { assistant_id: assistantId, ...fields, version: 1, created_at: now, updated_at: now };
    this.write({ version: versionOf(assistant, now) }, { assistant });
    return assistant;
  }

  /** A new version with the changes (unchanged fields carry over from the latest version). */
  update(assistantId: string, change: AssistantChange): Assistant {
    const current = this.require(assistantId);
    const now = new Date().toISOString();
    const newest = Math.max(...this.versionsOf(assistantId).map((version) => version.version));
    // Only the fields a version may change: an `assistant_id` or `version` in a request body never reaches the record.
    const defined = Object.fromEntries(Object.entries(change).filter(([key, value]) => CHANGEABLE.has(key) && value !== undefined && value !== null));
    const assistant: Assistant = { ...current, ...defined, version: newest + 1, updated_at: now };
    this.write({ version: versionOf(assistant, now) }, { assistant });
    return assistant;
  }

  setLatest(assistantId: string, version: number): Assistant | undefined {
    const current = this.require(assistantId);
    const chosen = this.versionsOf(assistantId).find((entry) => entry.version === version);
    if (!chosen) return undefined;
    const { created_at: _created, ...fields } = chosen;
    const assistant: Assistant = { ...current, ...fields, updated_at: new Date().toISOString() };
    this.write({ assistant });
    return assistant;
  }

  /** Newest first. */
  versionsOf(assistantId: string): AssistantVersion[] {
    return [...(this.versions.get(assistantId) ?? [])].sort((a, b) => b.version - a.version);
  }

  delete(assistantId: string): boolean {
    if (!this.assistants.has(assistantId)) return false;
    this.write({ delete: assistantId });
    return true;
  }

  /** Resolves when every change made so far is on disk (what a request awaits before it acknowledges). */
  synced(): Promise<void> {
    return this.log.synced();
  }

  close(): void {
    this.log.close();
  }

  private require(assistantId: string): Assistant {
    const assistant = this.assistants.get(assistantId);
    if (!assistant) throw new Error(`assistant ${assistantId} does not exist`);
    return assistant;
  }

  private write(...records: AssistantRecord[]): void {
    this.log.appendAll(records);
    for (const record of records) this.apply(record);
  }

  private apply(record: AssistantRecord): void {
    if ("assistant" in record) {
      this.assistants.set(record.assistant.assistant_id, record.assistant);
    } else if ("version" in record) {
      const list = (this.versions.get(record.version.assistant_id) ?? []).filter((entry) => entry.version !== record.version.version);
      this.versions.set(record.version.assistant_id, [...list, record.version]);
    } else {
      this.assistants.delete(record.delete);
      this.versions.delete(record.delete);
    }
  }

  private liveRecords(): AssistantRecord[] {
    return [...this.assistants.values()].flatMap((assistant) => [
      ...(this.versions.get(assistant.assistant_id) ?? []).map((version): AssistantRecord => ({ version })),
      { assistant },
    ]);
  }
}

/** True for a line of this index that the store can use. */
export function isAssistantRecord(value: unknown): value is AssistantRecord {
  if (!isObject(value)) return false;
  if ("delete" in value) return typeof value.delete === "string";
  if ("version" in value) {
    const version = value.version;
    return isObject(version) && typeof version.assistant_id === "string" && typeof version.version === "number" && isObject(version.config) && isObject(version.metadata);
  }
  const assistant = value.assistant;
  return isObject(assistant) && typeof assistant.assistant_id === "string" && typeof assistant.graph_id === "string" && typeof assistant.version === "number" && isObject(assistant.config) && isObject(assistant.metadata);
}

function versionOf(assistant: Assistant, now: string): AssistantVersion {
  return {
    assistant_id: assistant.assistant_id,
    graph_id: assistant.graph_id,
    version: assistant.version,
    config: assistant.config,
    context: assistant.context,
    metadata: assistant.metadata,
    name: assistant.name,
    description: assistant.description,
    created_at: now,
  };
}
