import type { RunnableConfig } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { redactSecrets } from "../../settings/redact";
import { UnknownSecretError, type SecretSource } from "../../settings/secrets";
import { tapedToolCall } from "../recording/taped-tool";
import { argsSchemaOf } from "../tool-specs";
import { callHttp, type HttpOutcome, type RetryPolicy } from "./http-call";
import { HttpTemplateError, renderHttpRequest } from "./http-request";

/** A tool message is cut here (with a note saying so): enough for a model, small enough for a checkpoint. */
export const MAX_TOOL_MESSAGE_BYTES = 100_000;
const ERROR_SNIPPET_BYTES = 200;

export interface HttpToolResult {
  /** The tool message, secrets removed. */
  content: string;
  /** Whether a 2xx response came back and its result was read. */
  ok: boolean;
  status?: number;
}

export class HttpToolCancelledError extends Error {
  override name = "HttpToolCancelledError";
  constructor(readonly toolName: string) {
    super(`http tool "${toolName}" was cancelled with its run`);
  }
}

/** An http tool as LangChain sees it: every failure is a tool message, so the model can react and the run goes on. */
export function httpTool(definition: ToolDefinition, secrets: SecretSource) {
  return tool(
    async (args: Record<string, unknown>, config?: RunnableConfig) => tapedToolCall(definition.name, args, config, async () => (await runHttpTool(definition, args, secrets, config?.signal)).content),
    { name: definition.name, description: definition.description || definition.name, schema: argsSchemaOf(definition.args) },
  );
}

/** Renders, sends and reads one call: what a tools node runs and what "Try it" shows. */
export async function runHttpTool(definition: ToolDefinition, args: Record<string, unknown>, secrets: SecretSource, signal?: AbortSignal, retry?: RetryPolicy): Promise<HttpToolResult> {
  const known = secrets.values();
  let request;
  try {
    request = renderHttpRequest(definition, args, secrets);
  } catch (error) {
    if (error instanceof UnknownSecretError || error instanceof HttpTemplateError) return { ok: false, content: redactSecrets(error.message, known) };
    throw error;
  }
  const outcome = await callHttp(request, signal, retry);
  if (outcome.kind === "cancelled") throw new HttpToolCancelledError(definition.name);
  const result = resultOf(outcome, request.url.host, definition.resultPath);
  return { ...result, content: redactSecrets(result.content, [...request.secretValues, ...known]) };
}

function resultOf(outcome: Exclude<HttpOutcome, { kind: "cancelled" }>, host: string, resultPath: string | undefined): HttpToolResult {
  switch (outcome.kind) {
    case "timeout":
      return { ok: false, content: `no response from ${host} within ${outcome.afterMs} ms (timeout)` };
    case "refused":
      return { ok: false, content: `connection refused by ${host}` };
    case "failed":
      return { ok: false, content: `request to ${host} failed: ${outcome.reason}` };
    case "response":
      if (outcome.status < 200 || outcome.status > 299) return { ok: false, status: outcome.status, content: `HTTP ${outcome.status} from ${host}: ${firstBytes(outcome.body, ERROR_SNIPPET_BYTES)}` };
      return { status: outcome.status, ...bodyResult(outcome.body, outcome.bytes, resultPath) };
  }
}

function bodyResult(body: string, bytes: number, resultPath: string | undefined): { ok: boolean; content: string } {
  if (resultPath === undefined) return { ok: true, content: cut(body, bytes) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, content: `the response is not JSON, so its value at "${resultPath}" cannot be read: ${firstBytes(body, ERROR_SNIPPET_BYTES)}` };
  }
  const found = valueAt(parsed, resultPath);
  if (!found.found) return { ok: false, content: `the response has no value at "${resultPath}" (it stops at "${found.missing}")` };
  const text = typeof found.value === "string" ? found.value : JSON.stringify(found.value);
  return { ok: true, content: cut(text, Buffer.byteLength(text)) };
}

function valueAt(value: unknown, path: string): { found: true; value: unknown } | { found: false; missing: string } {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !(key in current)) return { found: false, missing: key };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

function cut(text: string, bytes: number): string {
  if (bytes <= MAX_TOOL_MESSAGE_BYTES) return text;
  return `${firstBytes(text, MAX_TOOL_MESSAGE_BYTES)}\n[cut at 100 kB: the response was ${bytes} bytes]`;
}

/** The first `limit` bytes of the text, never splitting a character. */
function firstBytes(text: string, limit: number): string {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.byteLength <= limit) return text;
  return buffer.subarray(0, limit).toString("utf8").replace(/\uFFFD$/, "");
}
