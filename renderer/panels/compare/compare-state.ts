import { messageRole, messageText, type MessageLike } from "../../../shared/conditions";

/** How a value of the second checkpoint stands to the first's. */
export type DiffStatus = "same" | "changed" | "only-a" | "only-b";

export interface MessageRow {
  status: DiffStatus;
  /** Positions in each side's list (absent on the side that does not have the message). */
  indexA?: number;
  indexB?: number;
  a?: MessageLike & { id?: string };
  b?: MessageLike & { id?: string };
}

export interface FieldDiff {
  field: string;
  status: DiffStatus;
  a: unknown;
  b: unknown;
  /** For the messages field: the two lists aligned message by message. */
  messages?: MessageRow[];
}

type Message = MessageLike & { id?: string };

/**
 * The two checkpoints' state field by field (fields of the graph first, in its order, then any
 * others). A field only one side has is only-a / only-b; the messages field is aligned too.
 */
export function diffState(a: Record<string, unknown>, b: Record<string, unknown>, options: { messagesField?: string | null; fieldOrder?: string[] } = {}): FieldDiff[] {
  const fields = [...new Set([...(options.fieldOrder ?? []), ...Object.keys(a), ...Object.keys(b)])].filter((field) => field in a || field in b);
  return fields.map((field) => {
    const inA = field in a && a[field] !== undefined;
    const inB = field in b && b[field] !== undefined;
    if (field === options.messagesField && (Array.isArray(a[field]) || Array.isArray(b[field]))) {
      const messages = alignMessages(listOf(a[field]), listOf(b[field]));
      const status: DiffStatus = !inA ? "only-b" : !inB ? "only-a" : messages.every((row) => row.status === "same") ? "same" : "changed";
      return { field, status, a: a[field], b: b[field], messages };
    }
    const status: DiffStatus = !inA ? "only-b" : !inB ? "only-a" : sameValue(a[field], b[field]) ? "same" : "changed";
    return { field, status, a: a[field], b: b[field] };
  });
}

/**
 * Two message lists side by side: a message id both lists hold pairs those two messages (a
 * message inserted on one side does not shift every later one); messages without a shared id
 * pair by position. Pairs are "same" when role, text, tool calls and tool answer agree.
 */
export function alignMessages(a: Message[], b: Message[]): MessageRow[] {
  const idsA = new Map(a.flatMap((message, index) => (message.id ? [[message.id, index] as const] : [])));
  const idsB = new Map(b.flatMap((message, index) => (message.id ? [[message.id, index] as const] : [])));
  const rows: MessageRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && y) {
      const xLater = x.id ? idsB.get(x.id) : undefined;
      const yLater = y.id ? idsA.get(y.id) : undefined;
      if (x.id && x.id === y.id) rows.push(pair(x, y, i++, j++));
      // x is paired with a later message of b: what comes before it in b is only b's.
      else if (xLater !== undefined && xLater > j) rows.push({ status: "only-b", indexB: j, b: b[j++] });
      else if (yLater !== undefined && yLater > i) rows.push({ status: "only-a", indexA: i, a: a[i++] });
      else rows.push(pair(x, y, i++, j++));
    } else if (x) rows.push({ status: "only-a", indexA: i, a: a[i++] });
    else rows.push({ status: "only-b", indexB: j, b: b[j++] });
  }
  return rows;
}

function pair(a: Message, b: Message, indexA: number, indexB: number): MessageRow {
  return { status: sameMessage(a, b) ? "same" : "changed", indexA, indexB, a, b };
}

/** What a person reads of a message: ids and provider metadata do not count. */
export function sameMessage(a: Message, b: Message): boolean {
  return messageRole(a) === messageRole(b) && messageText(a) === messageText(b) && sameValue(callsOf(a), callsOf(b)) && (a.tool_call_id ? 1 : 0) === (b.tool_call_id ? 1 : 0);
}

function callsOf(message: Message) {
  return (message.tool_calls ?? []).map((call) => ({ name: call.name, args: call.args ?? {} }));
}

/** Deep equality of JSON values, key order aside; messages (at any depth) compare as a person reads them. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function isMessage(value: unknown): value is Message {
  return !!value && typeof value === "object" && !Array.isArray(value) && "content" in value && ("type" in value || "role" in value);
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (isMessage(item)) return { role: messageRole(item), text: messageText(item), calls: callsOf(item), answers: !!item.tool_call_id };
      if (item && typeof item === "object" && !Array.isArray(item)) return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)));
      return item;
    }) ?? "undefined"
  );
}

function listOf(value: unknown): Message[] {
  return Array.isArray(value) ? (value as Message[]) : [];
}
