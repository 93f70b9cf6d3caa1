import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WorkspaceLockedError } from "./errors";

interface LockOwner {
  pid: number;
  host: string;
  /** Kernel start time of the owner (Linux), to tell a live owner from a reused pid. */
  started?: string;
  token: string;
}

/**
 * One writer per workspace: a lock file naming the owning process. A lock whose process
 * is gone (killed, crashed) is stale and taken over; a live owner makes acquire throw
 * WorkspaceLockedError at once instead of letting two processes interleave appends.
 */
export class WorkspaceLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  static acquire(dir: string, fileName = "checkpoints.lock"): WorkspaceLock {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, fileName);
    const me: LockOwner = { pid: process.pid, host: os.hostname(), started: startTimeOf(process.pid), token: randomUUID() };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (tryCreate(file, me)) return new WorkspaceLock(file, me.token);
      const owner = readOwner(file);
      if (owner === "missing") continue;
      if (owner === "unreadable") {
        // A lock file is written whole via link(), so garbage means a crash mid-fsync of
        // an older format or a damaged disk; either way nobody can be holding it.
        removeStale(file);
        continue;
      }
      if (isAlive(owner)) throw new WorkspaceLockedError(file, owner.pid);
      removeStale(file);
    }
    throw new WorkspaceLockedError(file, readOwnerPid(file));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const owner = readOwner(this.file);
    if (typeof owner === "object" && owner.token === this.token) fs.rmSync(this.file, { force: true });
  }
}

// Written to a private file first and linked into place, so the lock appears with its
// contents complete: a reader never sees an empty lock file.
function tryCreate(file: string, me: LockOwner): boolean {
  const draft = `${file}.${me.token}`;
  fs.writeFileSync(draft, JSON.stringify(me));
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readOwner(file: string): LockOwner | "missing" | "unreadable" {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.token === "string" ? owner : "unreadable";
  } catch {
    return "unreadable";
  }
}

function readOwnerPid(file: string): number {
  const owner = readOwner(file);
  return typeof owner === "object" ? owner.pid : 0;
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // another machine's process: cannot tell, so respect it
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  // A killed process whose parent has not reaped it yet still answers kill(pid, 0), but it is
  // a zombie: it will never write again, so its lock is stale (a supervisor restarting a
  // SIGKILLed server must not wait for the reap).
  if (isZombie(owner.pid)) return false;
  const started = startTimeOf(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

/** Field 3 of /proc/<pid>/stat is the state; "Z" (zombie) or "X" (dead). Linux only; elsewhere false. */
function isZombie(pid: number): boolean {
  const state = procStatFields(pid)?.[0];
  return state === "Z" || state === "X";
}

function removeStale(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. */
function startTimeOf(pid: number): string | undefined {
  return procStatFields(pid)?.[19];
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function procStatFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}
