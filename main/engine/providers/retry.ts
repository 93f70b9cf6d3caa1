import type { LlmConfig } from "../../../shared/node-kinds/llm";
import { factsOf, type FailureFacts } from "./errors";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Wait before the first retry, doubled for each later one, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** One attempt longer than this is aborted and counts as a timeout. */
  timeoutMs: number;
  /** A retry-after longer than this is not waited for: the node fails and says so. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, backoffMs: 1000, maxBackoffMs: 30_000, timeoutMs: 60_000, maxRetryAfterMs: 60_000 };

export function retryPolicyOf(config: Pick<LlmConfig, "maxRetries" | "retryBackoffMs" | "timeoutMs">): RetryPolicy {
  return {
    ...DEFAULT_RETRY_POLICY,
    ...(config.maxRetries !== undefined ? { maxRetries: config.maxRetries } : {}),
    ...(config.retryBackoffMs !== undefined ? { backoffMs: config.retryBackoffMs } : {}),
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
  };
}

/** How long to wait before retry number `retry` (1-based): the provider's retry-after, else exponential backoff. */
export function delayBefore(retry: number, facts: FailureFacts, policy: RetryPolicy): number {
  if (facts.retryAfterMs !== undefined) return facts.retryAfterMs;
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
}

export class RetriesExhausted extends Error {
  override name = "RetriesExhausted";
  constructor(readonly facts: FailureFacts, readonly attempts: number) {
    super(facts.message);
  }
}

/**
 * Calls `attempt` until it succeeds, a failure is not worth retrying, or the retries run out.
 * Each attempt gets its own signal that aborts at the time limit or when the run is cancelled;
 * a cancelled run's error is passed through untouched.
 */
export async function withRetry<T>(attempt: (signal: AbortSignal) => Promise<T>, policy: RetryPolicy, runSignal?: AbortSignal): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error(`no answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    const signal = runSignal ? AbortSignal.any([runSignal, timeout.signal]) : timeout.signal;
    try {
      return await attempt(signal);
    } catch (error) {
      if (runSignal?.aborted) throw error;
      const facts = factsOf(error, timeout.signal.aborted);
      const retriesLeft = attempts <= policy.maxRetries;
      const wait = delayBefore(attempts, facts, policy);
      if (!facts.retryable || !retriesLeft) throw new RetriesExhausted(facts, attempts);
      if (wait > policy.maxRetryAfterMs) throw new RetriesExhausted({ ...facts, message: `${facts.message} (asked to retry after ${Math.round(wait / 1000)} s)` }, attempts);
      await sleep(wait, runSignal);
    } finally {
      clearTimeout(timer);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
