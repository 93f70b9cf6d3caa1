import { createHash } from "node:crypto";
import type { BaseMessage } from "@langchain/core/messages";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ModelRequest, RecordedMessage } from "../../../shared/recorded-calls";
import { redactSecrets } from "./redact";

/** The request as the provider receives it, in a provider-neutral form, with every secret replaced. */
export function modelRequestOf(messages: BaseMessage[], tools: unknown[], config: LlmConfig, secrets: string[]): ModelRequest {
  const request: ModelRequest = {
    provider: config.provider,
    ...(config.model !== undefined ? { model: config.model } : {}),
    ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxTokens !== undefined ? { maxTokens: config.maxTokens } : {}),
    tools: tools.map((tool) => convertToOpenAITool(tool as never)),
    messages: messages.map(recordedMessageOf),
  };
  return redactSecrets(request, secrets);
}

export function recordedMessageOf(message: BaseMessage): RecordedMessage {
  const fields = message as BaseMessage & { tool_calls?: Array<{ id?: string; name: string; args: unknown }>; tool_call_id?: string };
  return {
    role: message.getType(),
    content: message.content,
    ...(fields.tool_calls?.length ? { tool_calls: fields.tool_calls.map((call) => ({ ...(call.id ? { id: call.id } : {}), name: call.name, args: call.args })) } : {}),
    ...(fields.tool_call_id ? { tool_call_id: fields.tool_call_id } : {}),
    ...(message.name ? { name: message.name } : {}),
  };
}

/** sha256 of the request's stable JSON (keys sorted): the same request always has the same key. */
export function requestKeyOf(request: ModelRequest): string {
  return createHash("sha256").update(stableJson(request)).digest("hex");
}

export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), undefined, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
