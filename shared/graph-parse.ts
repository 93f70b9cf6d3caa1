import type { z } from "zod";
import { graphDocSchema, type GraphDoc } from "./graph-doc";
import { nodeKindNames } from "./node-kinds";
import { formatPath, type Problem } from "./problem";

export type ParseResult = { ok: true; doc: GraphDoc } | { ok: false; problems: Problem[] };

/** Checks the document's shape against the schema; see graph-validate for the meaning checks. */
export function parseGraphDoc(value: unknown): ParseResult {
  const result = graphDocSchema.safeParse(value);
  if (result.success) return { ok: true, doc: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issueToProblem(issue, value)) };
}

export function parseGraphJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `not valid JSON (${(error as Error).message})` }] };
  }
  return parseGraphDoc(value);
}

function issueToProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
  const path = formatPath(issue.path);
  const nodeId = nodeIdAt(issue.path, input);
  return { path, message: issueMessage(issue, valueAt(issue.path, input)), ...(nodeId ? { nodeId } : {}) };
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type" && value === undefined) return "required";
  if (issue.code === "invalid_union" && issue.path.at(-1) === "kind") return unknownKind(value);
  if (issue.code === "invalid_union" && "discriminator" in issue) return unknownKind((value as { kind?: unknown })?.kind);
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(value)})`;
  if (issue.code === "invalid_type") return `must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
  return issue.message;
}

function unknownKind(kind: unknown): string {
  return `unknown node kind ${JSON.stringify(kind)} (known: ${nodeKindNames.join(", ")})`;
}

function valueAt(path: ReadonlyArray<PropertyKey>, input: unknown): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
}

function nodeIdAt(path: ReadonlyArray<PropertyKey>, input: unknown): string | undefined {
  if (path[0] !== "nodes" || typeof path[1] !== "number") return undefined;
  const id = (valueAt(["nodes", path[1], "id"], input) as unknown) ?? undefined;
  return typeof id === "string" ? id : undefined;
}
