import type { Problem } from "../../shared/problem";

/** An error a client caused or should know about; its status and message go out as `{"detail": ...}`. */
export class ApiError extends Error {
  override name = "ApiError";
  /**
   * Answered as plain text (the LangGraph.js server's HTTPException form, which its clients match
   * on: "HTTP 404: Thread with ID ... not found") unless the client asks for JSON.
   */
  readonly plainText: boolean = false;
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422, message: string, readonly problems?: Problem[]) {
    super(message);
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
  constructor(message: string) {
    super(400, message);
  }
}

export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(404, message);
  }
}

export class ThreadNotFoundError extends NotFoundError {
  override name = "ThreadNotFoundError";
  override readonly plainText = true;
  constructor(readonly threadId: string) {
    super(`Thread with ID ${threadId} not found`);
  }
}

export class RunNotFoundError extends NotFoundError {
  override name = "RunNotFoundError";
  constructor(readonly runId: string) {
    super(`Run with ID ${runId} not found`);
  }
}

/** An unknown `assistant_id` of a run (worded as the LangGraph.js server words it, plus the graphs there are). */
export class AssistantNotFoundError extends NotFoundError {
  override name = "AssistantNotFoundError";
  constructor(readonly assistantId: string, readonly known: string[]) {
    super(`No assistant found for "${assistantId}". Known graphs: ${known.join(", ") || "(none)"}`);
  }
}

/** An unknown assistant in a route's path (`GET /assistants/{id}`): "Assistant not found", as the LangGraph.js server answers. */
export class UnknownAssistantError extends NotFoundError {
  override name = "UnknownAssistantError";
  override readonly plainText = true;
  constructor(readonly assistantId: string, known: string[]) {
    super(`Assistant not found: no assistant or graph "${assistantId}" (known graphs: ${known.join(", ") || "none"})`);
  }
}

export class ConflictError extends ApiError {
  override name = "ConflictError";
  constructor(message: string) {
    super(409, message);
  }
}

export class ThreadBusyError extends ConflictError {
  override name = "ThreadBusyError";
  constructor(readonly threadId: string) {
    super(`Thread ${threadId} is busy with another run; wait for it, or use multitask_strategy "interrupt", "rollback" or "enqueue"`);
  }
}

export class UnprocessableError extends ApiError {
  override name = "UnprocessableError";
  constructor(message: string, problems?: Problem[]) {
    super(422, message, problems);
  }
}

export class CheckpointNotFoundError extends NotFoundError {
  override name = "CheckpointNotFoundError";
  constructor(readonly threadId: string, readonly checkpointId: string) {
    super(`Checkpoint ${checkpointId} not found in thread ${threadId}: list the thread's checkpoints with POST /threads/${threadId}/history`);
  }
}

/** A state update or run input that the graph's state schema (or its messages reducer) cannot take. */
export class InvalidStateValueError extends UnprocessableError {
  override name = "InvalidStateValueError";
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`, [{ path, message: problem }]);
  }
}
