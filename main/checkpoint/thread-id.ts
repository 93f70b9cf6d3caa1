import { InvalidThreadIdError } from "./errors";

const MAX_LENGTH = 128;
const ALLOWED = /^[A-Za-z0-9._~@+=-]+$/;
// Names that break as directory names on Windows, or that are keys of Object.prototype.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|__proto__|constructor|prototype)$/i;

/** Throws InvalidThreadIdError unless `threadId` is safe to use as one directory name. */
export function assertValidThreadId(threadId: unknown): asserts threadId is string {
  if (typeof threadId !== "string") throw new InvalidThreadIdError(threadId, "it must be a string");
  if (threadId.length === 0) throw new InvalidThreadIdError(threadId, "it is empty");
  if (threadId.length > MAX_LENGTH) {
    throw new InvalidThreadIdError(threadId, `it is ${threadId.length} characters long (at most ${MAX_LENGTH})`);
  }
  if (!ALLOWED.test(threadId)) {
    throw new InvalidThreadIdError(threadId, "it contains a path separator, space, control or other disallowed character");
  }
  if (threadId.startsWith(".")) throw new InvalidThreadIdError(threadId, "it starts with a dot");
  if (RESERVED.test(threadId)) throw new InvalidThreadIdError(threadId, "it is a reserved name");
}

// Case-insensitive file systems (macOS, Windows) would fold "Run" and "run" into one
// directory, so capitals are spelled "^r" on disk; "^" is not allowed in thread ids.
export function threadDirName(threadId: string): string {
  return threadId.replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`);
}

export function threadIdFromDirName(dirName: string): string | undefined {
  const threadId = dirName.replace(/\^([a-z])/g, (_, c: string) => c.toUpperCase());
  try {
    assertValidThreadId(threadId);
  } catch {
    return undefined;
  }
  return threadDirName(threadId) === dirName ? threadId : undefined;
}
