/**
 * Identifiers and literals for generated code. Node ids and tool names may hold "-" (and
 * could clash with each other or with an import once cased), so every generated name goes
 * through one `NameTable` per module: the same document always gets the same names.
 */
export class NameTable {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** A fresh identifier built from `base`: "agent" -> "agentNode", and "agentNode2" on a clash. */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

function words(text: string): string[] {
  const parts = text.split(/[^a-zA-Z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  return parts.length > 0 ? parts : ["x"];
}

/** "ask_human" -> "askHuman", "AskHuman" -> "askHuman", "3d" -> "_3d". */
export function camelCase(text: string): string {
  const [first, ...rest] = words(text);
  const name = first.toLowerCase() + rest.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** "ask-human" -> "ask_human", "AskHuman" -> "ask_human". */
export function snakeCase(text: string): string {
  const name = words(text).map((word) => word.toLowerCase()).join("_");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function upperSnakeCase(text: string): string {
  return snakeCase(text).toUpperCase();
}

/** A JavaScript string literal (JSON's escapes are valid JS). */
export function tsString(text: string): string {
  return JSON.stringify(text);
}

/** A JavaScript literal for a JSON value, on one line: `{ query: "x", "a-b": [1, 2] }`. */
export function tsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${tsKey(key)}: ${tsLiteral(item)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value ?? null) ?? "null";
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function tsKey(key: string): string {
  return /^[a-zA-Z_$][\w$]*$/.test(key) ? key : tsString(key);
}

/** A Python string literal: JSON's escapes (newline, quote, backslash, \u plus four hex digits) mean the same in Python. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** A Python literal for a JSON value: None/True/False for null/true/false, dicts and lists as written. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pyString(key)}: ${pyLiteral(item)}`);
    return `{${entries.join(", ")}}`;
  }
  return "None";
}

/** Is `text` usable as a Python identifier (and not a keyword)? */
export function isPyIdentifier(text: string): boolean {
  return /^[a-zA-Z_]\w*$/.test(text) && !PY_KEYWORDS.has(text);
}

const PY_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield",
]);

/** Indents every non-empty line of `code` by `spaces`. */
export function indent(code: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return code
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : pad + line))
    .join("\n");
}

/**
 * Text for a one-line comment or docstring: line breaks become spaces, a comment can never be
 * closed early, and backslashes are doubled (a Python docstring would read them as escapes).
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replaceAll("*/", "* /").replaceAll("\\", "\\\\").replaceAll('"""', "'''");
}
