import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const SOURCE_FILE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx|json)$/i;
const SKIPPED_FOLDERS = new Set(["node_modules", ".switchyard", ".git"]);
/** Past this many source files the project is not fingerprinted (and nothing is cached). */
const MAX_FILES = 5000;

/**
 * A fingerprint of a project's own source files (names and contents, never node_modules): a
 * schema parsed from the TypeScript types stays right as long as it is unchanged.
 */
export function sourceFingerprint(projectDir: string, salt: string): string | undefined {
  const hash = createHash("sha256").update(salt);
  let count = 0;
  const walk = (dir: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !walk(join(dir, entry.name))) return false;
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        if (++count > MAX_FILES) return false;
        hash.update(join(dir, entry.name)).update("\0").update(readFileSync(join(dir, entry.name))).update("\0");
      }
    }
    return true;
  };
  try {
    return walk(projectDir) ? hash.digest("hex") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Schemas parsed from a project's TypeScript types, kept in the run data folder by fingerprint,
 * so a restart (or the app opening the project again) answers at once instead of running the
 * compiler again. The file is a cache: unreadable means empty.
 */
export class SchemaCache<T> {
  private entries: Record<string, T>;

  constructor(private readonly file: string) {
    try {
      this.entries = JSON.parse(readFileSync(file, "utf8")) as Record<string, T>;
    } catch {
      this.entries = {};
    }
  }

  get(key: string): T | undefined {
    return this.entries[key];
  }

  /** Keeps `value` under `key`, dropping older keys of the same graph (`graphId|...`). */
  set(key: string, value: T): void {
    const graph = key.split("|")[0];
    this.entries = Object.fromEntries(Object.entries(this.entries).filter(([other]) => other.split("|")[0] !== graph));
    this.entries[key] = value;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.entries));
      renameSync(`${this.file}.tmp`, this.file);
    } catch (error) {
      console.error(`switchyard: could not keep parsed schemas in ${this.file}: ${(error as Error).message}`);
    }
  }
}
