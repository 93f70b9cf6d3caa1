import type { HttpRequest } from "./http-request";

/** What came back, or why nothing did: the tool turns each into a message the model can read. */
export type HttpOutcome =
  | { kind: "response"; status: number; contentType: string; body: string; bytes: number }
  | { kind: "timeout"; afterMs: number }
  | { kind: "refused" }
  | { kind: "failed"; reason: string }
  | { kind: "cancelled" };

export interface RetryPolicy {
  /** Extra attempts after the first (idempotent methods only). */
  retries: number;
  /** First wait, doubled each time; a Retry-After header wins. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the answer is reported instead. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, backoffMs: 500, maxWaitMs: 30_000 };

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);
/** Bodies are read up to this size; the tool message is cut further (100 kB) with a note. */
const MAX_READ_BYTES = 1_000_000;

/** Sends the request; GET, HEAD, PUT and DELETE are tried again on 429 and 5xx, honouring Retry-After. */
export async function callHttp(request: HttpRequest, signal?: AbortSignal, policy: RetryPolicy = DEFAULT_RETRY): Promise<HttpOutcome> {
  const attempts = IDEMPOTENT.has(request.method) ? policy.retries + 1 : 1;
  let outcome: HttpOutcome = { kind: "failed", reason: "not sent" };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const sent = await sendOnce(request, signal);
    outcome = sent.outcome;
    if (outcome.kind !== "response" || !retryable(outcome.status) || attempt === attempts) return outcome;
    const wait = retryAfterMs(sent.retryAfter) ?? policy.backoffMs * 2 ** (attempt - 1);
    if (wait > policy.maxWaitMs) return outcome;
    if (!(await sleep(wait, signal))) return { kind: "cancelled" };
  }
  return outcome;
}

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

async function sendOnce(request: HttpRequest, signal?: AbortSignal): Promise<{ outcome: HttpOutcome; retryAfter?: string | null }> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: combined, redirect: "follow" });
    const { text, bytes } = await readBody(response);
    return { outcome: { kind: "response", status: response.status, contentType: response.headers.get("content-type") ?? "", body: text, bytes }, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    if (signal?.aborted) return { outcome: { kind: "cancelled" } };
    if (timeout.aborted) return { outcome: { kind: "timeout", afterMs: request.timeoutMs } };
    return { outcome: failureOf(error) };
  }
}

async function readBody(response: Response): Promise<{ text: string; bytes: number }> {
  if (!response.body) return { text: "", bytes: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes - value.byteLength < MAX_READ_BYTES) chunks.push(value);
    if (bytes > MAX_READ_BYTES * 4) {
      await reader.cancel();
      break;
    }
  }
  return { text: Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString("utf8"), bytes };
}

function failureOf(error: unknown): HttpOutcome {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return { kind: "refused" };
  return { kind: "failed", reason: cause?.code ?? cause?.message ?? (error as Error).message };
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
