/** A LangChain message as the API serialises it (type human/ai/tool/system). */
export interface WireMessage {
  id?: string;
  type?: string;
  role?: string;
  content?: unknown;
  tool_calls?: { id?: string; name: string; args: Record<string, unknown> }[];
  tool_call_id?: string;
  name?: string;
}

export function messagesOf(values: Record<string, unknown> | undefined, field: string | undefined): WireMessage[] {
  const value = field ? values?.[field] : undefined;
  return Array.isArray(value) ? (value as WireMessage[]) : [];
}

export function roleOf(message: WireMessage): "user" | "ai" | "tool" | "system" {
  const type = (message.type ?? message.role ?? "").toLowerCase();
  if (type === "human" || type === "user") return "user";
  if (type.startsWith("ai") || type === "assistant") return "ai";
  if (type === "tool") return "tool";
  return "system";
}

export function textOf(message: WireMessage): string {
  if (typeof message.content === "string") return message.content;
  if (Array.isArray(message.content)) return message.content.map((part) => (typeof part === "string" ? part : ((part as { text?: string }).text ?? ""))).join("");
  return JSON.stringify(message.content ?? "");
}

/** The first user message of a thread's values (or, without messages, its values in short): how the thread list names a thread. */
export function firstUserText(values: unknown): string {
  if (!values || typeof values !== "object") return "";
  const hasMessages = Object.values(values as Record<string, unknown>).some((value) => Array.isArray(value) && value.some((item) => item && typeof item === "object" && "content" in item));
  if (!hasMessages) {
    return Object.entries(values as Record<string, unknown>)
      .filter(([, value]) => value !== "" && value !== null && value !== undefined)
      .map(([name, value]) => `${name} ${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(" · ");
  }
  for (const value of Object.values(values as Record<string, unknown>)) {
    if (!Array.isArray(value)) continue;
    const first = (value as WireMessage[]).find((message) => message && typeof message === "object" && roleOf(message) === "user");
    if (first) return textOf(first);
  }
  return "";
}
