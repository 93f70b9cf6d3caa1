import { isBaseMessage, type BaseMessage } from "@langchain/core/messages";

/**
 * Turns engine values (LangChain message objects inside state, updates and chunks) into the
 * plain JSON the LangGraph Platform API sends: `{content, tool_calls, ..., id, type}` rather
 * than LangChain's `{lc, type: "constructor", kwargs}` serialisation.
 */
export function toWire(value: unknown): unknown {
  if (isBaseMessage(value)) return messageToWire(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
}

export function messageToWire(message: BaseMessage): Record<string, unknown> {
  const type = message.getType();
  const wire: Record<string, unknown> = { content: message.content };
  const fields = message as unknown as Record<string, unknown>;
  if (type === "ai") {
    wire.tool_calls = fields.tool_calls ?? [];
    wire.invalid_tool_calls = fields.invalid_tool_calls ?? [];
    if (fields.usage_metadata) wire.usage_metadata = fields.usage_metadata;
  }
  if (type === "tool") {
    wire.tool_call_id = fields.tool_call_id;
    if (fields.status) wire.status = fields.status;
    if (fields.artifact !== undefined) wire.artifact = fields.artifact;
  }
  wire.additional_kwargs = message.additional_kwargs ?? {};
  wire.response_metadata = message.response_metadata ?? {};
  if (message.name) wire.name = message.name;
  wire.id = message.id;
  wire.type = type;
  return wire;
}
