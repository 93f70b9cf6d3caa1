import { AIMessageChunk } from "@langchain/core/messages";
import { toWire } from "../engine";

/**
 * Engine values as LangGraph's JSON: messages become `{type, content, tool_calls, id, ...}`
 * (never LangChain's `{lc, type: "constructor", kwargs}` form); streamed chunks keep the
 * `AIMessageChunk` type name the Platform API uses for them.
 */
export function toWireJson(value: unknown): unknown {
  if (value instanceof AIMessageChunk) return { ...(toWire(value) as object), type: "AIMessageChunk" };
  return toWire(value);
}
