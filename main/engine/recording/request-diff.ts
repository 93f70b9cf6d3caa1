import type { ModelRequest } from "../../../shared/recorded-calls";

const MAX_DIFFERENCES = 5;
const MAX_VALUE = 160;

/** Where two requests differ, one line per path: `messages[0].content: recorded "a", now "b"`. */
export function requestDifferences(recorded: ModelRequest, now: ModelRequest): string[] {
  const lines: string[] = [];
  walk(recorded, now, "", lines);
  if (lines.length > MAX_DIFFERENCES) return [...lines.slice(0, MAX_DIFFERENCES), `... and ${lines.length - MAX_DIFFERENCES} more`];
  return lines;
}

function walk(before: unknown, after: unknown, path: string, lines: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index++) walk(before[index], after[index], `${path}[${index}]`, lines);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) walk(before[key], after[key], path ? `${path}.${key}` : key, lines);
    return;
  }
  lines.push(`${path || "request"}: recorded ${shown(before)}, now ${shown(after)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}...` : text;
}
