import { mkdirSync, openSync, readFileSync, closeSync, writeSync, fsyncSync, renameSync, existsSync, truncateSync } from "node:fs";
import { dirname } from "node:path";

export type Durability = "sync" | "async";

/**
 * A JSON-lines file that is only ever appended to: one record per line, the last record
 * for a key wins. A torn last line (a crash mid-write) is skipped on load. Writes are
 * synchronous `write(2)` calls, so a record is in the OS before the caller goes on and
 * survives SIGKILL; `durability: "sync"` also fsyncs each record (power loss).
 */
export class AppendLog<T> {
  private fd: number;
  private lines = 0;

  private constructor(readonly file: string, private readonly durability: Durability, fd: number, lines: number) {
    this.fd = fd;
    this.lines = lines;
  }

  static open<T>(file: string, durability: Durability = "async"): { log: AppendLog<T>; records: T[] } {
    mkdirSync(dirname(file), { recursive: true });
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    const records = parseLines<T>(text);
    // Cut a torn last line off, so the next record starts on a line of its own.
    if (text && !text.endsWith("\n")) truncateSync(file, Buffer.byteLength(text.slice(0, text.lastIndexOf("\n") + 1)));
    const fd = openSync(file, "a");
    return { log: new AppendLog<T>(file, durability, fd, records.length), records };
  }

  append(record: T): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    if (this.durability === "sync") fsyncSync(this.fd);
    this.lines++;
  }

  get recordCount(): number {
    return this.lines;
  }

  /** Rewrites the log with only the live records (temp file + rename, so a crash keeps one of the two). */
  compact(live: T[]): void {
    const temp = `${this.file}.compact.tmp`;
    const fd = openSync(temp, "w");
    writeSync(fd, live.map((record) => `${JSON.stringify(record)}\n`).join(""));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, this.file);
    closeSync(this.fd);
    this.fd = openSync(this.file, "a");
    this.lines = live.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function parseLines<T>(text: string): T[] {
  const records: T[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // a torn line from a crash mid-append: everything before it is intact
    }
  }
  return records;
}
