import { AsyncLocalStorage } from "node:async_hooks";
import type { RecordedModelCall, RecordedToolCall } from "../../../shared/recorded-calls";
import type { CallTape } from "./call-tape";
import type { ToolTape } from "./tool-tape";

/**
 * How a run treats its model calls:
 * - "record": every call goes to the provider and is recorded (the default for every run);
 * - "replay": a call whose request is on the tape is served from it; from the first one that is not,
 *   this call and every later one go to the provider (re-run from a checkpoint, replaying);
 * - "cassette": every call must be on the tape, a missing one fails naming the node (flow tests offline);
 * - "record-missing": calls on the tape are served from it, the others go to the provider and are recorded.
 */
export type CallMode = "record" | "replay" | "cassette" | "record-missing";

/** What one run does with its external calls; set around the run with `withCallScope`. */
export interface CallScope {
  mode: CallMode;
  tape?: CallTape;
  /** A flow test's cassette of external tool calls (http, mcp): served, or recorded, by tapedToolCall. */
  toolTape?: ToolTape;
  /** Every value that must never be written down (API keys, secrets): replaced before a call is recorded. */
  secrets: string[];
  onModelCall?(call: RecordedModelCall): void;
  onToolCall?(call: RecordedToolCall): void;
  /** Set once a "replay" run met a request not on its tape: the rest of the run is live. */
  diverged?: { node: string };
  /** Pinned nodes: node id -> the update it returns without running. */
  pins?: Record<string, Record<string, unknown>>;
  /** Told each time a pinned node returns its pinned output instead of running. */
  onPinned?(node: string): void;
  /** Set when a "cassette" run met a request its tape does not hold (the node's error says how it differs). */
  missed?: Error;
}

const storage = new AsyncLocalStorage<CallScope>();

export function withCallScope<T>(scope: CallScope, run: () => T): T {
  return storage.run(scope, run);
}

export function currentCallScope(): CallScope | undefined {
  return storage.getStore();
}

/**
 * An async iterable whose every step runs inside the scope: LangGraph starts a node's tasks while
 * the stream is being pulled, so the scope must hold at each `next()`, not only at the first.
 */
export async function* iterateInScope<T>(scope: CallScope, source: () => AsyncIterable<T> | Promise<AsyncIterable<T>>): AsyncGenerator<T> {
  const iterable = await withCallScope(scope, source);
  const iterator = withCallScope(scope, () => iterable[Symbol.asyncIterator]());
  try {
    while (true) {
      const step = await withCallScope(scope, () => iterator.next());
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await withCallScope(scope, async () => iterator.return?.());
  }
}
