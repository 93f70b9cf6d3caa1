import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RecordedCall } from "../../shared/recorded-calls";

export const DEFAULT_CALLS_LIMIT_BYTES = 50 * 1024 * 1024;
const LIMIT_FILE = "recorded-calls.json";

export class CallsLimitError extends Error {
  override name = "CallsLimitError";
  constructor(value: unknown) {
    super(`the recorded-calls limit must be a whole number of megabytes from 1 to 100000 (not ${JSON.stringify(value)})`);
  }
}

/**
 * Each thread's recorded model and tool calls, one JSON line per call in `.switchyard/calls/<thread>.jsonl`.
 * All threads together stay under the workspace's limit (default 50 MB): the oldest recordings go first.
 */
export class CallStore {
  readonly dir: string;
  /**
   * Bytes the recordings took at the last scan plus what this store appended since: an upper
   * bound while nobody else adds files (removals only lower the real figure). The folder is
   * scanned again only when this passes the limit, not on every call (profile of bench:server:
   * a readdir and a stat of every thread's file per recorded call).
   */
  private usedAtMost: number | undefined;

  constructor(private readonly dataDir: string) {
    this.dir = join(dataDir, "calls");
  }

  append(threadId: string, call: RecordedCall): void {
    const line = `${JSON.stringify(call)}\n`;
    const file = this.fileOf(threadId);
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(file, line, "utf8");
    this.usedAtMost = this.usedAtMost === undefined ? this.usedBytes() : this.usedAtMost + Buffer.byteLength(line);
    if (this.usedAtMost > this.limitBytes()) this.keepUnderLimit(threadId);
  }

  read(threadId: string): RecordedCall[] {
    let text: string;
    try {
      text = readFileSync(this.fileOf(threadId), "utf8");
    } catch {
      return [];
    }
    // A torn last line (a crash mid-append) is left out, the calls before it are intact.
    return text.split("\n").flatMap((line) => {
      try {
        return line ? [JSON.parse(line) as RecordedCall] : [];
      } catch {
        return [];
      }
    });
  }

  /** A copied or forked thread starts with the calls it was made from. */
  copy(fromThreadId: string, toThreadId: string): void {
    const calls = this.read(fromThreadId);
    if (calls.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    const text = calls.map((call) => `${JSON.stringify(call)}\n`).join("");
    writeFileSync(this.fileOf(toThreadId), text, "utf8");
    if (this.usedAtMost !== undefined) this.usedAtMost += Buffer.byteLength(text);
  }

  remove(threadId: string): void {
    rmSync(this.fileOf(threadId), { force: true });
  }

  limitBytes(): number {
    try {
      const { limit_mb } = JSON.parse(readFileSync(join(this.dataDir, LIMIT_FILE), "utf8")) as { limit_mb?: unknown };
      if (isLimitMb(limit_mb)) return limit_mb * 1024 * 1024;
    } catch {
      // no setting (or an unreadable one): the default holds
    }
    return DEFAULT_CALLS_LIMIT_BYTES;
  }

  setLimitMb(limitMb: unknown): void {
    if (!isLimitMb(limitMb)) throw new CallsLimitError(limitMb);
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(join(this.dataDir, LIMIT_FILE), `${JSON.stringify({ limit_mb: limitMb }, undefined, 2)}\n`, "utf8");
    this.keepUnderLimit(undefined);
  }

  usedBytes(): number {
    return this.files().reduce((sum, file) => sum + file.size, 0);
  }

  private keepUnderLimit(current: string | undefined): void {
    const limit = this.limitBytes();
    const files = this.files().sort((a, b) => a.mtimeMs - b.mtimeMs);
    let used = files.reduce((sum, file) => sum + file.size, 0);
    for (const file of files) {
      if (used <= limit) break;
      if (file.threadId === current) continue;
      rmSync(file.path, { force: true });
      used -= file.size;
    }
    if (used > limit && current) used -= this.dropOldestCalls(current, used - limit);
    this.usedAtMost = used;
  }

  /** The thread being recorded is alone over the limit: its oldest calls go. Returns the bytes dropped. */
  private dropOldestCalls(threadId: string, excess: number): number {
    const lines = readFileSync(this.fileOf(threadId), "utf8").split("\n").filter(Boolean);
    let dropped = 0;
    while (lines.length > 1 && dropped < excess) dropped += Buffer.byteLength(lines.shift()!) + 1;
    writeFileSync(this.fileOf(threadId), lines.map((line) => `${line}\n`).join(""), "utf8");
    return dropped;
  }

  private files(): Array<{ threadId: string; path: string; size: number; mtimeMs: number }> {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith(".jsonl"))
      .map((name) => {
        const path = join(this.dir, name);
        const stat = statSync(path);
        return { threadId: name.slice(0, -".jsonl".length), path, size: stat.size, mtimeMs: stat.mtimeMs };
      });
  }

  private fileOf(threadId: string): string {
    if (!/^[\w.-]+$/.test(threadId)) throw new Error(`not a thread id: ${JSON.stringify(threadId)}`);
    return join(this.dir, `${threadId}.jsonl`);
  }
}

function isLimitMb(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 100_000;
}

const stores = new Map<string, CallStore>();

/** One store per workspace data folder. */
export function callStoreOf(dataDir: string): CallStore {
  let store = stores.get(dataDir);
  if (!store) stores.set(dataDir, (store = new CallStore(dataDir)));
  return store;
}
