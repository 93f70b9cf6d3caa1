import { z } from "zod";

/**
 * Edge conditions are data, not code, so a non-coder can read and edit them and
 * the same rule can be evaluated by the engine and drawn as a label by the canvas.
 */
export const conditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("calls-tool"), tool: z.string().min(1) }).strict(),
  z.object({ type: z.literal("has-tool-calls") }).strict(),
  z.object({ type: z.literal("field-equals"), field: z.string().min(1), value: z.unknown() }).strict(),
  z.object({ type: z.literal("last-message-contains"), text: z.string().min(1) }).strict(),
  z
    .object({ type: z.literal("last-message-from"), role: z.enum(["human", "ai", "tool"]), tool: z.string().min(1).optional() })
    .strict(),
  z.object({ type: z.literal("otherwise") }).strict(),
]);

export type Condition = z.infer<typeof conditionSchema>;

/**
 * Map (LangGraph `Send`): the edge sends one task to its target per item of the list field
 * `field`, each with the state plus `as` set to the item. Not a rule: it fans out whatever the
 * other edges of its source do.
 */
export const forEachConditionSchema = z
  .object({
    type: z.literal("for-each"),
    field: z.string().min(1, "name the list field to map over"),
    as: z.string().regex(/^[a-zA-Z_]\w*$/, "name the state field each task gets its item in"),
  })
  .strict();

export type ForEachCondition = z.infer<typeof forEachConditionSchema>;

/** What an edge's `when` may hold: a rule, or a for-each fan-out. */
export const edgeConditionSchema = z.discriminatedUnion("type", [...conditionSchema.options, forEachConditionSchema]);

export type EdgeCondition = z.infer<typeof edgeConditionSchema>;

export function isForEach(condition: EdgeCondition | undefined): condition is ForEachCondition {
  return condition?.type === "for-each";
}

export function describeCondition(condition: EdgeCondition): string {
  switch (condition.type) {
    case "for-each":
      return `for each ${condition.as}`;
    case "calls-tool":
      return `calls ${condition.tool}`;
    case "has-tool-calls":
      return "has tool calls";
    case "field-equals":
      return `${condition.field} = ${JSON.stringify(condition.value)}`;
    case "last-message-contains":
      return `says "${condition.text}"`;
    case "last-message-from":
      return condition.tool ? `after ${condition.tool} answers` : `after a ${condition.role} message`;
    case "otherwise":
      return "otherwise";
  }
}

/** A message as the engine and the wire both see it: enough to evaluate rules on. */
export interface MessageLike {
  type?: string;
  role?: string;
  content?: unknown;
  tool_calls?: Array<{ name: string; args?: unknown; id?: string }>;
  name?: string;
  tool_call_id?: string;
}

export function messageText(message: MessageLike | undefined): string {
  if (!message) return "";
  const { content } = message;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === "string" ? part : typeof part?.text === "string" ? part.text : ""))
      .join("");
  }
  return "";
}

/** True when the rule holds for this state. "otherwise" always holds: callers order it last. */
export function conditionHolds(condition: Condition, state: Record<string, unknown>, messagesField = "messages"): boolean {
  const messages = state[messagesField];
  const last = Array.isArray(messages) ? (messages[messages.length - 1] as MessageLike | undefined) : undefined;
  const toolCalls = last?.tool_calls ?? [];
  switch (condition.type) {
    case "calls-tool":
      return toolCalls.some((call) => call.name === condition.tool);
    case "has-tool-calls":
      return toolCalls.length > 0;
    case "field-equals":
      return JSON.stringify(state[condition.field]) === JSON.stringify(condition.value);
    case "last-message-contains":
      return messageText(last).toLowerCase().includes(condition.text.toLowerCase());
    case "last-message-from":
      return messageRole(last) === condition.role && (!condition.tool || answeredToolName(messages as MessageLike[], last) === condition.tool);
    case "otherwise":
      return true;
  }
}

/** "human" | "ai" | "tool" | "system" whichever way the message spells it (LangChain type or OpenAI role). */
export function messageRole(message: MessageLike | undefined): string | undefined {
  const role = message?.type ?? message?.role;
  if (role === "user") return "human";
  if (role === "assistant") return "ai";
  return role;
}

/** The tool a tool message answers: its own name, or (for hand-written answers such as the seed's) the call it replies to. */
export function answeredToolName(messages: MessageLike[], message: MessageLike | undefined): string | undefined {
  if (!message) return undefined;
  if (message.name) return message.name;
  for (let i = messages.length - 1; i >= 0; i--) {
    const call = messages[i].tool_calls?.find((candidate) => candidate.id === message.tool_call_id);
    if (call) return call.name;
  }
  return undefined;
}
