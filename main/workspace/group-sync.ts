import fs from "node:fs";

/** A "sync" index write was written but its fdatasync failed: the record may not survive a power cut. */
export class IndexSyncError extends Error {
  override name = "IndexSyncError";
  constructor(readonly file: string, cause: unknown) {
    super(`${file}: the record was written but could not be flushed to disk (${(cause as Error)?.message ?? String(cause)}); it survives a crash of the server but maybe not a power cut: check the disk, then try again`, { cause });
  }
}

/**
 * The group commit of a "sync" index log: records are written at once (write(2), so they
 * survive SIGKILL and a reload sees them in order), and one fdatasync in libuv's thread pool
 * covers every record written before it started. `synced()` resolves once everything written so
 * far is on disk: what a request awaits before it acknowledges. The event loop never blocks on
 * the disk (profile of bench:server: the synchronous fdatasync of threads.jsonl and runs.jsonl
 * took 30% of the server's time), and twenty clients pay one fdatasync, not twenty.
 */
export class GroupSync {
  private written = 0;
  private synced_ = 0;
  private running = false;
  private waiters: Array<{ upTo: number; done: () => void; fail: (error: Error) => void }> = [];
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly fdOf: () => number,
  ) {}

  /** Call after each write that "sync" durability must flush. */
  wrote(): void {
    this.written++;
    this.start();
  }

  /** Resolves when every write made before this call is on disk; rejects with IndexSyncError if its fdatasync failed. */
  synced(): Promise<void> {
    if (this.synced_ >= this.written || this.closed) return Promise.resolve();
    const waiting = new Promise<void>((done, fail) => this.waiters.push({ upTo: this.written, done, fail }));
    this.start(); // after a failed fdatasync nothing is running: try again
    return waiting;
  }

  /** The log fdatasynced everything itself (compaction): every write so far is on disk. */
  flushed(): void {
    this.settle(this.written);
  }

  /** The log is closing: it has fdatasynced the file itself, so everything written is on disk. */
  close(): void {
    this.closed = true;
    this.settle(this.written);
  }

  private start(): void {
    if (this.running || this.closed) return;
    this.running = true;
    const upTo = this.written;
    fs.fdatasync(this.fdOf(), (error) => {
      this.running = false;
      if (this.closed) return; // close() flushed and settled everyone
      if (error) {
        this.fail(upTo, new IndexSyncError(this.file, error));
        if (this.waiters.length > 0) this.start(); // those who wrote while it ran get their own try
        return;
      }
      this.settle(upTo);
      if (this.written > this.synced_) this.start(); // written while this one ran
    });
  }

  private settle(upTo: number): void {
    this.synced_ = Math.max(this.synced_, upTo);
    const ready = this.waiters.filter((waiter) => waiter.upTo <= upTo);
    this.waiters = this.waiters.filter((waiter) => waiter.upTo > upTo);
    for (const waiter of ready) waiter.done();
  }

  private fail(upTo: number, error: Error): void {
    const failed = this.waiters.filter((waiter) => waiter.upTo <= upTo);
    this.waiters = this.waiters.filter((waiter) => waiter.upTo > upTo);
    for (const waiter of failed) waiter.fail(error);
  }
}
