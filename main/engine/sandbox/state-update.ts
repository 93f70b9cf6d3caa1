import type { FieldType, GraphDoc, StateField } from "../../../shared/graph-doc";
import { CodeOutputError } from "./errors";

/**
 * Checks what a code node returned against the state schema: an object (or nothing) whose keys
 * are state fields and whose values fit each field's type. The error names the field.
 */
export function stateUpdateOf(output: unknown, doc: GraphDoc, subject: string): Record<string, unknown> {
  if (output === undefined || output === null) return {};
  if (!isPlainObject(output)) throw new CodeOutputError(subject, `must return an object of state fields (or nothing), not ${describe(output)}`);
  const fields = doc.state.fields;
  for (const [name, value] of Object.entries(output)) {
    const field = fields[name];
    if (!field) throw new CodeOutputError(subject, `returned field "${name}", which is not a state field (fields: ${Object.keys(fields).join(", ") || "none"})`);
    const problem = valueProblem(value, field);
    if (problem) throw new CodeOutputError(subject, `returned ${describe(value)} for field "${name}": ${problem}`);
  }
  return output;
}

function valueProblem(value: unknown, field: StateField): string | undefined {
  // append takes one item or a list of them; sum adds a number; merge takes an object.
  if (field.reducer === "append") return undefined;
  if (field.reducer === "sum") return typeof value === "number" && Number.isFinite(value) ? undefined : "a sum field takes a number to add";
  if (field.reducer === "merge") return isPlainObject(value) ? undefined : "a merge field takes an object to merge in";
  return fits[field.type](value) ? undefined : `the field is ${article(field.type)}`;
}

const fits: Record<FieldType, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  number: (value) => typeof value === "number" && Number.isFinite(value),
  boolean: (value) => typeof value === "boolean",
  list: (value) => Array.isArray(value),
  object: (value) => isPlainObject(value),
  any: () => true,
  messages: (value) => (Array.isArray(value) ? value : [value]).every(isMessageLike),
};

/** What LangGraph's messages reducer accepts: `{role|type, content}`, plus ids, tool calls and the like. */
function isMessageLike(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const kind = value.role ?? value.type;
  return typeof kind === "string" && (typeof value.content === "string" || Array.isArray(value.content));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function article(type: FieldType): string {
  if (type === "messages") return "a messages field: give message objects such as { role: \"ai\", content: \"...\" }";
  if (type === "list") return "a list";
  if (type === "object") return "an object";
  return `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `${typeof value === "number" ? "a number" : typeof value === "boolean" ? "a boolean" : typeof value} (${String(value)})`;
}
