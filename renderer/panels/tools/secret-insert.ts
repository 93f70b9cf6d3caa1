/** `{{secrets.NAME}}`: how a tool names a secret; the value is looked up when the tool runs. */
export const secretPlaceholder = (name: string) => `{{secrets.${name}}}`;

/**
 * A header value with the secret put in: an empty Authorization header becomes
 * `Bearer {{secrets.NAME}}`, any other empty header the placeholder alone, and text already there
 * keeps it (the placeholder after a space).
 */
export function withSecret(header: string, value: string, name: string): string {
  const placeholder = secretPlaceholder(name);
  if (value.trim() === "") return header.toLowerCase() === "authorization" ? `Bearer ${placeholder}` : placeholder;
  return /\s$/.test(value) ? `${value}${placeholder}` : `${value} ${placeholder}`;
}
