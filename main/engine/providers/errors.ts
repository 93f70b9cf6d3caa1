import { KEY_ENV_VARS, type KeyedProvider } from "../../settings/settings-file";
import { redactSecrets } from "../../settings/redact";

export type ProviderFailure = "auth" | "rate-limit" | "timeout" | "connection" | "not-found" | "bad-request" | "server" | "other";

/**
 * A model provider failed while an llm node called it. The message names the node, the provider,
 * the status and the provider's own words, with every key redacted; the raw SDK error is not kept
 * (it carries request details that a log must not see).
 */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    readonly nodeId: string,
    readonly provider: string,
    readonly failure: ProviderFailure,
    readonly status: number | undefined,
    readonly providerMessage: string,
    readonly attempts: number,
    hint = "",
  ) {
    super(`llm node "${nodeId}": ${provider} ${status ? `answered ${status}` : "failed"} (${failure}${attempts > 1 ? `, after ${attempts} attempts` : ""}): ${sentence(providerMessage)}${hint ? ` ${hint}.` : ""}`);
  }
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return trimmed ? `${trimmed}.` : "no message.";
}

export class ProviderAuthError extends ProviderError {
  override name = "ProviderAuthError";
}
export class ProviderRateLimitError extends ProviderError {
  override name = "ProviderRateLimitError";
}
export class ProviderTimeoutError extends ProviderError {
  override name = "ProviderTimeoutError";
}
export class ProviderConnectionError extends ProviderError {
  override name = "ProviderConnectionError";
}

export class MissingApiKeyError extends Error {
  override name = "MissingApiKeyError";
  constructor(readonly nodeId: string, readonly provider: KeyedProvider) {
    super(missingKeyMessage(nodeId, provider));
  }
}

export function missingKeyMessage(nodeId: string, provider: KeyedProvider): string {
  return `llm node "${nodeId}" uses ${provider}, but no API key is set: set ${KEY_ENV_VARS[provider]} or add the key in Settings`;
}

export class ModelNotChosenError extends Error {
  override name = "ModelNotChosenError";
  constructor(readonly nodeId: string, readonly provider: string) {
    super(`llm node "${nodeId}" uses ${provider} but names no model: choose one (e.g. ${exampleModel(provider)})`);
  }
}

export function exampleModel(provider: string): string {
  return provider === "anthropic" ? "claude-sonnet-4-5" : provider === "ollama" ? "llama3.2" : "gpt-4o-mini";
}

/** What a failed provider call tells about itself: status, the provider's words, a retry-after. */
export interface FailureFacts {
  failure: ProviderFailure;
  status?: number;
  message: string;
  retryAfterMs?: number;
  retryable: boolean;
}

export function factsOf(error: unknown, timedOut = false): FailureFacts {
  const e = (error ?? {}) as Record<string, any>;
  const status = numberOr(e.status) ?? numberOr(e.status_code) ?? numberOr(e.response?.status);
  const message = providerWords(e);
  if (timedOut || e.name === "TimeoutError" || /timed? ?out/i.test(message) && status === undefined) {
    return { failure: "timeout", message: timedOut ? "no answer within the time limit" : message, retryable: true };
  }
  if (status === undefined) {
    const connection = /connect|ECONNREFUSED|ECONNRESET|ENOTFOUND|fetch failed|socket|network/i.test(`${message} ${e.code ?? ""} ${e.cause?.code ?? ""}`);
    return { failure: connection ? "connection" : "other", message, retryable: connection };
  }
  if (status === 401 || status === 403) return { failure: "auth", status, message, retryable: false };
  if (status === 429) {
    const quota = e.error?.code === "insufficient_quota" || e.code === "insufficient_quota";
    return { failure: "rate-limit", status, message, retryAfterMs: retryAfterOf(e), retryable: !quota };
  }
  if (status === 404) return { failure: "not-found", status, message, retryable: false };
  if (status === 408 || status >= 500) return { failure: status === 408 ? "timeout" : "server", status, message, retryAfterMs: retryAfterOf(e), retryable: true };
  return { failure: status < 500 ? "bad-request" : "other", status, message, retryable: false };
}

/** The provider's own explanation: the API body's message where there is one, else the error's. */
function providerWords(e: Record<string, any>): string {
  const body = e.error;
  const fromBody = typeof body?.message === "string" ? body.message : typeof body?.error?.message === "string" ? body.error.message : typeof body === "string" ? body : undefined;
  const text = fromBody ?? (typeof e.message === "string" ? e.message : String(e));
  // LangChain appends a troubleshooting link to some messages; the status is shown separately.
  return text.replace(/\n+\s*Troubleshooting URL:.*$/s, "").replace(/^\d{3}\s+/, "").trim() || "no message";
}

function retryAfterOf(e: Record<string, any>): number | undefined {
  const headers = e.headers ?? e.response?.headers;
  const value: unknown = typeof headers?.get === "function" ? (headers.get("retry-after-ms") ? Number(headers.get("retry-after-ms")) / 1000 : headers.get("retry-after")) : headers?.["retry-after"];
  if (value === null || value === undefined || value === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

const errorClasses: Partial<Record<ProviderFailure, typeof ProviderError>> = {
  auth: ProviderAuthError,
  "rate-limit": ProviderRateLimitError,
  timeout: ProviderTimeoutError,
  connection: ProviderConnectionError,
};

/** Wraps a failed call in the named error class for its kind, redacting every secret. */
export function providerErrorOf(facts: FailureFacts, where: { nodeId: string; provider: string; attempts: number; secrets: readonly string[] }): ProviderError {
  const ErrorClass = errorClasses[facts.failure] ?? ProviderError;
  const hint = hintFor(facts, where.provider);
  return new ErrorClass(where.nodeId, where.provider, facts.failure, facts.status, redactSecrets(facts.message, where.secrets), where.attempts, hint);
}

function hintFor(facts: FailureFacts, provider: string): string {
  if (facts.failure === "auth" && provider in KEY_ENV_VARS) return `Check ${KEY_ENV_VARS[provider as KeyedProvider]} or the key in Settings`;
  if (facts.failure === "rate-limit") return "Wait, or raise the node's maxRetries / retryBackoffMs";
  if (facts.failure === "timeout") return "Raise the node's timeoutMs if the model is slow";
  if (facts.failure === "connection") return "Is the server running, and is the base URL right";
  if (facts.failure === "not-found") return "Check the model name and the base URL";
  return "";
}
