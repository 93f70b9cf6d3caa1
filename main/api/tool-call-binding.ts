import type { GraphDoc } from "../../shared/graph-doc";
import { UnprocessableError } from "./errors";

interface ToolCallLike {
  id?: string;
  name?: string;
}

export interface PendingToolCall {
  id: string;
  name: string;
}

/** What the update was changed into, and why: the route answers it and the server logs it. */
export interface ToolCallBinding {
  tool_call_id: string;
  name: string;
  message: string;
}

export class AmbiguousToolAnswerError extends UnprocessableError {
  override name = "AmbiguousToolAnswerError";
  constructor(readonly asNode: string, readonly pending: PendingToolCall[], unbound: number) {
    super(
      `values.messages: ${unbound === 1 ? "a tool message has" : `${unbound} tool messages have`} no tool_call_id, and ` +
        `${pending.length === 1 ? "one tool call waits" : `${pending.length} tool calls wait`} for an answer as "${asNode}": ` +
        `${pending.map((call) => `${call.id} (${call.name})`).join(", ")}; set tool_call_id to the call each one answers`,
    );
  }
}

function messageType(message: Record<string, unknown>): string | undefined {
  const type = message.type ?? message.role;
  if (typeof type === "string") return type;
  // LangChain's own serialised form: {lc: 1, type: "constructor", id: [..., "ToolMessage"]}.
  const id = message.id;
  return Array.isArray(id) && id.at(-1) === "ToolMessage" ? "tool" : undefined;
}

function isToolMessageWithoutCall(message: unknown): message is Record<string, unknown> {
  if (!message || typeof message !== "object") return false;
  const record = message as Record<string, unknown>;
  return messageType(record) === "tool" && (record.tool_call_id === undefined || record.tool_call_id === null || record.tool_call_id === "");
}

/**
 * The tool calls of the last AI message that no tool message answers yet, narrowed for a graph
 * file to the tools whose "calls X" edges lead to `asNode` (the seed's AskHuman for ask_human).
 */
export function pendingToolCalls(messages: unknown[], doc: GraphDoc | undefined, asNode: string): PendingToolCall[] {
  const lastAi = [...messages].reverse().find((message) => {
    const record = message as Record<string, unknown> | null;
    return record && (record.type === "ai" || record.type === "AIMessageChunk" || record.role === "assistant");
  }) as { tool_calls?: ToolCallLike[] } | undefined;
  const answered = new Set(messages.map((message) => (message as { tool_call_id?: unknown } | null)?.tool_call_id).filter((id) => typeof id === "string"));
  const calls = (lastAi?.tool_calls ?? []).filter((call): call is PendingToolCall => typeof call.id === "string" && call.id !== "" && !answered.has(call.id));
  const routedTools = new Set((doc?.edges ?? []).filter((edge) => edge.target === asNode && edge.when?.type === "calls-tool").map((edge) => (edge.when as { tool: string }).tool));
  return routedTools.size > 0 ? calls.filter((call) => routedTools.has(call.name)) : calls;
}

/**
 * The seed's curl flow pipes the tool call id into `sh -c '...' _`, so `$1` is empty and the
 * update it sends is a tool message with `"tool_call_id": ""`, which would leave the call
 * unanswered (the agent asks again). Applied as a node, such a message answers the one tool call
 * pending for that node: it is bound to it, and the caller is told. With several pending calls
 * the update is refused (422, naming them); with none it goes through unchanged.
 */
export async function bindToolAnswer(values: unknown, currentMessages: () => Promise<unknown[]>, doc: GraphDoc | undefined, asNode: string | undefined): Promise<{ values: unknown; binding?: ToolCallBinding }> {
  if (!asNode || !values || typeof values !== "object" || Array.isArray(values)) return { values };
  const update = values as Record<string, unknown>;
  const given = Array.isArray(update.messages) ? update.messages : update.messages === undefined ? [] : [update.messages];
  const unbound = given.filter(isToolMessageWithoutCall);
  if (unbound.length === 0) return { values };
  const pending = pendingToolCalls(await currentMessages(), doc, asNode);
  if (pending.length === 0) return { values };
  if (pending.length > 1 || unbound.length > 1) throw new AmbiguousToolAnswerError(asNode, pending, unbound.length);
  const [call] = pending;
  const bound = given.map((message) => (message === unbound[0] ? { ...(message as object), tool_call_id: call.id } : message));
  const message = `the tool message had no tool_call_id: bound it to ${call.id} (${call.name}), the one tool call waiting for "${asNode}"`;
  return { values: { ...update, messages: Array.isArray(update.messages) ? bound : bound[0] }, binding: { tool_call_id: call.id, name: call.name, message } };
}
