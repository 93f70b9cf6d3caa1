export class CorruptCheckpointError extends Error {
  override name = "CorruptCheckpointError";
  constructor(
    readonly threadId: string,
    readonly offset: number,
    readonly detail = "a record fails its checksum",
  ) {
    super(
      `thread ${threadId}: checkpoint log is corrupt at byte ${offset} (${detail}); ` +
        `the records before it are intact (run "switchyard doctor" to keep them)`,
    );
  }
}

export class InvalidThreadIdError extends Error {
  override name = "InvalidThreadIdError";
  constructor(
    readonly threadId: unknown,
    readonly reason: string,
  ) {
    super(
      `invalid thread_id ${JSON.stringify(threadId) ?? String(threadId)}: ${reason}; ` +
        `use 1-128 characters from A-Z a-z 0-9 . _ - ~ @ + = (a UUID works)`,
    );
  }
}

export class WorkspaceLockedError extends Error {
  override name = "WorkspaceLockedError";
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `${lockPath} is held by process ${ownerPid}, which is still running; ` +
        `close the other Switchyard window or server using this workspace, then retry`,
    );
  }
}

export class CheckpointWriteError extends Error {
  override name = "CheckpointWriteError";
  constructor(
    readonly threadId: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    const why = code === "ENOSPC" ? "the disk is full" : String((cause as Error)?.message ?? cause);
    super(
      `thread ${threadId}: could not save the checkpoint (${why}); ` +
        `the log was rolled back to its last complete record, so earlier checkpoints are safe; ` +
        `free disk space or fix the error and run the step again`,
      { cause },
    );
  }
}

export class MissingCheckpointConfigError extends Error {
  override name = "MissingCheckpointConfigError";
  constructor(operation: string, key: "thread_id" | "checkpoint_id") {
    super(
      `${operation} needs config.configurable.${key}; ` +
        `pass it, e.g. graph.invoke(input, { configurable: { thread_id: "my-thread" } })`,
    );
  }
}

export class CheckpointerClosedError extends Error {
  override name = "CheckpointerClosedError";
  constructor(dir: string) {
    super(`the checkpointer for ${dir} was closed; create a new FileCheckpointSaver to keep using it`);
  }
}

export class InvalidSaverOptionError extends Error {
  override name = "InvalidSaverOptionError";
  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`FileCheckpointSaver option ${option} is ${JSON.stringify(value) ?? String(value)}; it must be ${expected}`);
  }
}
