export const REDACTED = "[redacted]";

const SECRET_KEYS = /^(authorization|api[-_]?key|x-api-key|openaiapikey|anthropicapikey)$/i;

/** A deep copy with every secret value replaced, and every Authorization / API-key field emptied. */
export function redactSecrets<T>(value: T, secrets: string[]): T {
  const known = secrets.filter((secret) => secret.length >= 4);
  return redact(value, known) as T;
}

function redact(value: unknown, secrets: string[]): unknown {
  if (typeof value === "string") return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.test(key) ? REDACTED : redact(item, secrets)]));
}
