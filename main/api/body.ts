import type { Context } from "hono";
import type { z } from "zod";
import { formatPath } from "../../shared/problem";
import { ApiError, BadRequestError } from "./errors";
import { jsonNestingDepth } from "./json-depth";

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Objects and arrays nested deeper than this are refused before they are parsed: far more than
 * any graph document, state or metadata needs, and far less than what overflows the stack of
 * JSON.stringify when a record is written to disk (about 5,000 levels).
 */
export const MAX_BODY_DEPTH = 100;

export class BodyTooLargeError extends ApiError {
  override name = "BodyTooLargeError";
  constructor() {
    super(413, `body is larger than ${MAX_BODY_BYTES} bytes (1 MiB, the limit for a request body)`);
  }
}

export class BodyTooDeepError extends BadRequestError {
  override name = "BodyTooDeepError";
  constructor() {
    super(`body is nested deeper than ${MAX_BODY_DEPTH} levels of objects and arrays (the limit for a request body); send a flatter value`);
  }
}

/** The request body as a JSON object; an empty body is `{}`. Content type and size are checked by the security layer. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await readBodyText(c);
  if (text.trim() === "") return {};
  if (jsonNestingDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) throw new BodyTooDeepError();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`body is not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new BadRequestError("body must be a JSON object");
  return value as Record<string, unknown>;
}

async function readBodyText(c: Context): Promise<string> {
  const body = c.req.raw.body;
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a body with a schema; the first problem names its field (400). */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = formatPath(issue.path);
  throw new BadRequestError(field ? `${field}: ${issue.message}` : issue.message);
}
