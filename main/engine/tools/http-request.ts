import { HTTP_DEFAULT_TIMEOUT_MS, type HttpMethod, type ToolDefinition } from "../../../shared/node-kinds/tools";
import { UnknownSecretError, type SecretSource } from "../../settings/secrets";

/** One request of an http tool, rendered from its templates with the model's arguments and the secrets it names. */
export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The secret values inserted: they are cut out of everything the tool returns or reports. */
  secretValues: string[];
}

export class HttpTemplateError extends Error {
  override name = "HttpTemplateError";
  constructor(readonly toolName: string, reason: string) {
    super(`http tool "${toolName}": ${reason}`);
  }
}

const PLACEHOLDER = /\{\{\s*(args|secrets)\.([A-Za-z_][\w-]*)\s*\}\}/g;

type Encode = (value: string) => string;

/** Fills `{{args.X}}` and `{{secrets.NAME}}`: URL-encoded in the URL, JSON-escaped in a JSON body, as is in headers. */
export function renderHttpRequest(definition: ToolDefinition, args: Record<string, unknown>, secrets: SecretSource): HttpRequest {
  const used = new Set<string>();
  const fill = (template: string, encode: Encode) =>
    template.replace(PLACEHOLDER, (_match, scope: string, name: string) => {
      if (scope === "args") return encode(textOf(args[name]));
      const value = secrets.get(name);
      if (value === undefined) throw new UnknownSecretError(name);
      used.add(value);
      return encode(value);
    });
  const urlText = fill(definition.url ?? "", encodeURIComponent);
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new HttpTemplateError(definition.name, `the url template does not give a valid URL (${definition.url})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new HttpTemplateError(definition.name, `only http and https URLs can be called, not ${url.protocol}`);
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(definition.headers ?? {})) {
    const value = fill(template, (text) => text);
    if (/[\r\n]/.test(value)) throw new HttpTemplateError(definition.name, `header ${name} would contain a line break`);
    headers[name] = value;
  }
  const method = definition.method ?? "GET";
  let body: string | undefined;
  if (definition.body !== undefined && method !== "GET" && method !== "HEAD") {
    const json = isJsonBody(definition.body, headers);
    body = fill(definition.body, json ? jsonEscape : (text) => text);
    if (json && !hasHeader(headers, "content-type")) headers["Content-Type"] = "application/json";
  }
  return { method, url, headers, body, timeoutMs: definition.timeoutMs ?? HTTP_DEFAULT_TIMEOUT_MS, secretValues: [...used] };
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function isJsonBody(template: string, headers: Record<string, string>): boolean {
  const type = Object.entries(headers).find(([key]) => key.toLowerCase() === "content-type")?.[1];
  if (type !== undefined) return /json/i.test(type);
  return /^\s*[[{]/.test(template);
}
