import { coerceMessageLikeToMessage } from "@langchain/core/messages";
import { messagesStateReducer } from "@langchain/langgraph";
import { END, type StateField } from "../../shared/graph-doc";
import { InvalidStateValueError } from "./errors";
import { checkGraphNodes, type RunnableGraph } from "./graph-runtime";

/**
 * The one check of what a request writes into a thread's state (`POST /state` values, each
 * `/state/bulk` update, a run's `input` and `command`), done before anything is written: a value
 * LangGraph would store and only fail on later would leave the thread unreadable.
 *
 * Graph documents declare their fields (type and reducer), so field names and types are checked.
 * A code graph's state is its own: only what is certain is checked, the shape of messages written
 * to a channel that uses LangGraph's messages reducer.
 */
export function checkStateValues(graph: RunnableGraph, values: unknown, path: string): void {
  if (values === null || values === undefined) return;
  if (!isRecord(values)) throw new InvalidStateValueError(path, `expected an object of state fields, got ${describe(values)}`);
  for (const [key, value] of Object.entries(values)) checkField(graph, key, value, `${path}.${key}`);
}

/** A `Command`: `update` as state values (an object, or a list of [field, value] pairs), `goto` as node names. */
export function checkCommand(graph: RunnableGraph, command: { update?: unknown; goto?: unknown } | null | undefined, path: string): void {
  if (!command) return;
  checkCommandUpdate(graph, command.update, `${path}.update`);
  const goto = typeof command.goto === "string" ? [command.goto] : Array.isArray(command.goto) ? command.goto : [];
  // END is where LangGraph's own `Command({goto: END})` goes: not a node, but a valid target.
  checkGraphNodes(graph, goto.filter((name): name is string => typeof name === "string" && name !== END), `${path}.goto`);
}

function checkCommandUpdate(graph: RunnableGraph, update: unknown, path: string): void {
  if (update === undefined || update === null) return;
  if (!Array.isArray(update)) return checkStateValues(graph, update, path);
  update.forEach((pair, index) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
      throw new InvalidStateValueError(`${path}[${index}]`, `expected a [field, value] pair, got ${describe(pair)}`);
    }
    checkField(graph, pair[0], pair[1], `${path}[${index}][1]`);
  });
}

/**
 * A remove message must name a message the state has, or one added before it in the same write:
 * LangGraph's reducer throws otherwise, in the middle of the run, and the thread's state can no
 * longer be read. Only this check needs the thread's state, so it is read only when a write removes.
 */
export async function checkMessageRemovals(graph: RunnableGraph, config: { configurable: Record<string, unknown> }, writes: Array<[values: unknown, path: string]>): Promise<void> {
  const removals = writes.flatMap(([values, path]) => messageLists(graph, values, path)).filter(({ messages }) => messages.some(isRemoval));
  if (removals.length === 0) return;
  const current = ((await graph.compiled.getState(config)).values ?? {}) as Record<string, unknown>;
  for (const { key, messages, listed, path } of removals) {
    const known = new Set(((current[key] as Array<{ id?: string }> | undefined) ?? []).map((message) => message.id));
    messages.forEach((message, index) => {
      const id = (message as { id?: unknown }).id;
      if (!isRemoval(message)) {
        if (typeof id === "string") known.add(id);
        return;
      }
      if (id === "__remove_all__" || known.has(id as string)) return;
      throw new InvalidStateValueError(`${listed ? `${path}[${index}]` : path}.id`, `no message with id ${JSON.stringify(id)} in "${key}" to remove`);
    });
  }
}

/** The messages each write puts on a messages channel, with where they are in the request. */
function messageLists(graph: RunnableGraph, values: unknown, path: string): Array<{ key: string; messages: unknown[]; listed: boolean; path: string }> {
  const entries: Array<[key: unknown, value: unknown, path: string]> = Array.isArray(values)
    ? values.map((pair, index) => [(pair as unknown[])?.[0], (pair as unknown[])?.[1], `${path}[${index}][1]`])
    : isRecord(values)
      ? Object.entries(values).map(([key, value]) => [key, value, `${path}.${key}`])
      : [];
  return entries
    .filter((entry): entry is [string, unknown, string] => typeof entry[0] === "string" && isMessagesChannel(graph, entry[0]))
    .map(([key, value, at]) => ({ key, messages: Array.isArray(value) ? value : [value], listed: Array.isArray(value), path: at }));
}

function isRemoval(message: unknown): boolean {
  return isRecord(message) && (message.type === "remove" || message.role === "remove");
}

function isMessagesChannel(graph: RunnableGraph, key: string): boolean {
  const field = graph.doc?.state.fields[key];
  return field ? field.type === "messages" || field.reducer === "messages" : usesMessagesReducer(graph, key);
}

function checkField(graph: RunnableGraph, key: string, value: unknown, path: string): void {
  const field = graph.doc?.state.fields[key];
  if (graph.doc && !field) {
    const known = Object.keys(graph.doc.state.fields);
    throw new InvalidStateValueError(path, `no state field "${key}" in graph "${graph.graphId}" (fields: ${known.join(", ") || "(none)"})`);
  }
  const [overwrite, inner] = overwriteOf(value);
  if (field) return checkDocumentField(field, inner, overwrite, path);
  if (usesMessagesReducer(graph, key)) checkMessages(inner, path);
}

/** LangGraph's `Overwrite`: `{"__overwrite__": value}` (or `{type: "__overwrite__", value}`) skips the reducer. */
function overwriteOf(value: unknown): [boolean, unknown] {
  if (!isRecord(value)) return [false, value];
  if ("__overwrite__" in value) return [true, value.__overwrite__];
  if (value.type === "__overwrite__" && "value" in value) return [true, value.value];
  return [false, value];
}

function checkDocumentField(field: StateField, value: unknown, overwrite: boolean, path: string): void {
  if (field.type === "messages" || field.reducer === "messages") return checkMessages(value, path);
  const reducer = overwrite ? "replace" : field.reducer;
  if (reducer === "sum" && typeof value !== "number") throw new InvalidStateValueError(path, `expected a number to add, got ${describe(value)}`);
  if (reducer === "merge" && !isRecord(value)) throw new InvalidStateValueError(path, `expected an object to merge in, got ${describe(value)}`);
  // "append" takes a list of items or a single item, as Array.concat does.
  if (reducer === "append" || value === null) return;
  const problem = typeProblem(field.type, value);
  if (problem) throw new InvalidStateValueError(path, problem);
}

function typeProblem(type: StateField["type"], value: unknown): string | undefined {
  const ok =
    type === "any" ||
    (type === "string" && typeof value === "string") ||
    (type === "number" && typeof value === "number" && Number.isFinite(value)) ||
    (type === "boolean" && typeof value === "boolean") ||
    (type === "list" && Array.isArray(value)) ||
    (type === "object" && isRecord(value));
  return ok ? undefined : `expected ${type === "object" ? "an" : "a"} ${type}, got ${describe(value)}`;
}

function usesMessagesReducer(graph: RunnableGraph, key: string): boolean {
  const channel = (graph.compiled as unknown as { channels?: Record<string, { operator?: unknown }> }).channels?.[key];
  const operator = channel?.operator;
  // A code project may load its own copy of LangGraph: its reducer is then another function of the same name.
  return operator === messagesStateReducer || (typeof operator === "function" && operator.name === "messagesStateReducer");
}

const MESSAGE_TYPES = ["human", "user", "ai", "assistant", "system", "developer", "tool", "remove"];

/** What the messages reducer takes: one message or a list; each a string, a [type, content] pair or a message object. */
function checkMessages(value: unknown, path: string): void {
  if (Array.isArray(value)) return value.forEach((message, index) => checkMessage(message, `${path}[${index}]`));
  if (typeof value === "string" || isRecord(value)) return checkMessage(value, path);
  throw new InvalidStateValueError(path, `expected a message or a list of messages, got ${describe(value)}`);
}

function checkMessage(message: unknown, path: string): void {
  if (typeof message === "string") return;
  if (Array.isArray(message)) {
    checkType(message[0], `${path}[0]`);
    return checkContent(message[1], `${path}[1]`);
  }
  if (!isRecord(message)) throw new InvalidStateValueError(path, `expected a message (an object with type and content), got ${describe(message)}`);
  if (message.lc === 1 && message.type === "constructor") return coerced(message, path);
  const typeKey = "role" in message ? "role" : "type";
  const type = checkType(message[typeKey], `${path}.${typeKey}`);
  if (type === "tool" && typeof message.tool_call_id !== "string") throw new InvalidStateValueError(`${path}.tool_call_id`, "required for a tool message: the id of the tool call it answers");
  if (type === "remove" && typeof message.id !== "string") throw new InvalidStateValueError(`${path}.id`, "required for a remove message: the id of the message to remove");
  // OpenAI's form of an assistant message that only calls tools has `content: null`.
  const toolCallsOnly = (type === "ai" || type === "assistant") && message.content === null;
  if (type !== "remove" && !toolCallsOnly) checkContent(message.content, `${path}.content`);
  if (message.tool_calls !== undefined && !(Array.isArray(message.tool_calls) && message.tool_calls.every(isRecord))) {
    throw new InvalidStateValueError(`${path}.tool_calls`, `expected a list of tool calls, got ${describe(message.tool_calls)}`);
  }
  coerced(message, path);
}

function checkType(type: unknown, path: string): string {
  if (typeof type === "string" && MESSAGE_TYPES.includes(type)) return type;
  throw new InvalidStateValueError(path, `expected human, ai, system, tool (or user, assistant, developer, remove), got ${describe(type)}`);
}

function checkContent(content: unknown, path: string): undefined {
  if (content === undefined || typeof content === "string" || (Array.isArray(content) && content.every((part) => typeof part === "string" || isRecord(part)))) return;
  throw new InvalidStateValueError(path, `expected text or a list of content blocks, got ${describe(content)}`);
}

/** The reducer's own coercion has the last word on anything the checks above let through. */
function coerced(message: Record<string, unknown>, path: string): void {
  try {
    coerceMessageLikeToMessage(message as never);
  } catch (error) {
    throw new InvalidStateValueError(path, (error as Error).message.split("\n")[0]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
