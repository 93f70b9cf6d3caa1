import { factsOf } from "../../../../main/engine/providers/errors";
import { DEFAULT_RETRY_POLICY, delayBefore, RetriesExhausted, retryPolicyOf, withRetry } from "../../../../main/engine/providers/retry";

const httpError = (status: number, headers: Record<string, string> = {}, body: unknown = { message: `failed with ${status}` }) =>
  Object.assign(new Error(`${status} failed`), { status, headers: new Headers(headers), error: body });

describe("the provider retry policy", () => {
  it("takes the node's settings over the defaults", () => {
    expect(retryPolicyOf({})).toEqual(DEFAULT_RETRY_POLICY);
    expect(retryPolicyOf({ maxRetries: 5, retryBackoffMs: 10, timeoutMs: 500 })).toMatchObject({ maxRetries: 5, backoffMs: 10, timeoutMs: 500 });
  });

  it("backs off exponentially up to the cap, and a retry-after wins", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, backoffMs: 100, maxBackoffMs: 350 };
    const facts = factsOf(httpError(503));
    expect([1, 2, 3, 4].map((retry) => delayBefore(retry, facts, policy))).toEqual([100, 200, 350, 350]);
    expect(delayBefore(1, factsOf(httpError(429, { "retry-after": "2" })), policy)).toBe(2000);
    expect(delayBefore(1, factsOf(httpError(429, { "retry-after-ms": "150" })), policy)).toBe(150);
    const inTwoSeconds = new Date(Date.now() + 2500).toUTCString();
    expect(delayBefore(1, factsOf(httpError(429, { "retry-after": inTwoSeconds })), policy)).toBeGreaterThan(1000);
  });

  it("sorts failures into what is worth retrying", () => {
    expect(factsOf(httpError(401))).toMatchObject({ failure: "auth", retryable: false });
    expect(factsOf(httpError(400))).toMatchObject({ failure: "bad-request", retryable: false });
    expect(factsOf(httpError(429))).toMatchObject({ failure: "rate-limit", retryable: true });
    expect(factsOf(httpError(429, {}, { message: "You exceeded your current quota", code: "insufficient_quota" }))).toMatchObject({ retryable: false });
    expect(factsOf(httpError(500))).toMatchObject({ failure: "server", retryable: true });
    expect(factsOf(Object.assign(new Error("Connection error."), { cause: { code: "ECONNREFUSED" } }))).toMatchObject({ failure: "connection", retryable: true });
  });

  it("retries until success, and gives up with the last failure's facts", async () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2, backoffMs: 1 };
    let calls = 0;
    await expect(withRetry(async () => (++calls < 3 ? Promise.reject(httpError(500)) : "ok"), policy)).resolves.toBe("ok");
    calls = 0;
    const failing = withRetry(async () => (++calls, Promise.reject(httpError(502))), policy);
    await expect(failing).rejects.toBeInstanceOf(RetriesExhausted);
    expect(calls).toBe(3);
  });

  it("does not wait for a retry-after longer than it allows", async () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 3, maxRetryAfterMs: 1000 };
    const error = await withRetry(() => Promise.reject(httpError(429, { "retry-after": "120" })), policy).catch((caught) => caught);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(error.message).toContain("asked to retry after 120 s");
  });

  it("stops at once when the run is cancelled", async () => {
    const run = new AbortController();
    const attempt = (signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
    const pending = withRetry(attempt, { ...DEFAULT_RETRY_POLICY, maxRetries: 5 }, run.signal);
    run.abort();
    await expect(pending).rejects.toThrow("aborted");
  });
});
