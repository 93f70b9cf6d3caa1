/** Something went wrong in user code run in the sandbox; `subject` names the node or tool ("code node \"x\""). */
export class CodeError extends Error {
  override name = "CodeError";
  constructor(readonly subject: string, message: string) {
    super(`${subject} ${message}`);
  }
}

export class CodeSyntaxError extends CodeError {
  override name = "CodeSyntaxError";
  constructor(subject: string, readonly detail: string) {
    super(subject, `does not compile: ${detail}`);
  }
}

export class CodeTimeoutError extends CodeError {
  override name = "CodeTimeoutError";
  constructor(subject: string, readonly timeoutMs: number) {
    super(subject, `ran longer than its time limit of ${timeoutMs} ms and was stopped; look for an endless loop, or raise timeoutMs`);
  }
}

export class CodeMemoryError extends CodeError {
  override name = "CodeMemoryError";
  constructor(subject: string, readonly memoryMb: number) {
    super(subject, `used more than its memory cap of ${memoryMb} MB and was stopped; raise memoryMb if it really needs more`);
  }
}

export class CodeThrewError extends CodeError {
  override name = "CodeThrewError";
  constructor(subject: string, readonly detail: string) {
    super(subject, `threw ${detail}`);
  }
}

export class CodeOutputError extends CodeError {
  override name = "CodeOutputError";
  constructor(subject: string, detail: string) {
    super(subject, detail);
  }
}
