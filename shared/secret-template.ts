/**
 * `{{secrets.NAME}}` in HTTP tools and mcp.json: a secret named here is looked up at run time
 * (environment first, then the Settings secrets) and its value never enters a document.
 */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

const SECRET_PLACEHOLDER = /\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The secret names a template uses, in order of first use. */
export function secretNamesIn(template: string): string[] {
  return [...new Set([...template.matchAll(SECRET_PLACEHOLDER)].map((match) => match[1]))];
}
