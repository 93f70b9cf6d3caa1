/** What a secret is replaced with in messages and logs. */
export const REDACTED = "[redacted]";

// Shapes of provider keys and auth headers, for secrets we were not told about (e.g. a key in a URL).
const KEY_SHAPES: RegExp[] = [
  /\bsk-(?:ant-|proj-|svcacct-)?[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(x-api-key|api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]{8,}/gi,
];

/**
 * Removes secrets from text that may reach a person, a log, an error or a checkpoint: the known
 * keys wherever they appear (also partly, as providers echo a key's start), then anything
 * shaped like a key or an auth header.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of [...secrets].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join(REDACTED);
    // OpenAI's 401 echoes "sk-abc***wxyz": the visible ends of a known key give nothing away alone,
    // but a long prefix does, so drop any run of 12+ leading characters of a known key.
    if (secret.length >= 16) result = result.split(secret.slice(0, 12)).join(REDACTED);
  }
  result = result.replace(KEY_SHAPES[0], REDACTED);
  result = result.replace(KEY_SHAPES[1], (_match, scheme: string) => `${scheme} ${REDACTED}`);
  result = result.replace(KEY_SHAPES[2], (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`);
  return result;
}
