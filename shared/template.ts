import { messageText, type MessageLike } from "./conditions";

/**
 * Tiny, logic-free templates for prompts, mock tool results and set-field values:
 * `{{last_message}}`, `{{state.city}}`, `{{args.query}}`, `{{input}}`.
 * Unknown names render as an empty string so a template never throws at run time;
 * the validator reports them instead.
 */
export interface TemplateScope {
  state?: Record<string, unknown>;
  args?: Record<string, unknown>;
  messagesField?: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;

export function renderTemplate(template: string, scope: TemplateScope): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => stringify(lookup(path, scope)));
}

export function templateNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

function lookup(path: string, scope: TemplateScope): unknown {
  const [head, ...rest] = path.split(".");
  const messages = scope.state?.[scope.messagesField ?? "messages"];
  const list = Array.isArray(messages) ? (messages as MessageLike[]) : [];
  if (head === "last_message") return messageText(list[list.length - 1]);
  if (head === "input") return messageText(list.find((m) => m.type === "human" || m.role === "user" || m.role === "human"));
  const root = head === "state" ? scope.state : head === "args" ? scope.args : undefined;
  return rest.reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), root);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
