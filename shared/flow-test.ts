import { z } from "zod";
import { formatPath, type Problem } from "./problem";

/**
 * Flow tests (`NAME.tests.json` beside `NAME.graph.json`): "this conversation should go like
 * this", written as data so a non-coder can read and edit every part of it in a form.
 */
export const FLOW_TESTS_VERSION = 1;
export const TESTS_SUFFIX = ".tests.json";

const nodeName = z.string().min(1, "name a node of the graph");

/**
 * What a person answers at a pause. Answers are used in order; one that names a `node` is used
 * only at a pause at that node (and makes the test pause before that node).
 * - plain text (or `{node, text}`): the answer to the model's pending ask-tool call (a tool
 *   message), the resume value of an `interrupt()` node, or else a user message;
 * - `{asNode, values}`: a state edit applied as that node (LangGraph's updateState);
 * - `{resume}`: the value an `interrupt()` node is resumed with (`Command({resume})`).
 */
export const textAnswerSchema = z.object({ node: nodeName.optional(), text: z.string() }).strict();
export const editAnswerSchema = z
  .object({ node: nodeName.optional(), asNode: nodeName, values: z.record(z.string(), z.unknown()) })
  .strict();
export const resumeAnswerSchema = z
  .object({ node: nodeName.optional(), resume: z.unknown() })
  .strict()
  .refine((answer) => "resume" in answer, "a resume answer needs a `resume` value");

export const answerSchema = z.union([z.string(), textAnswerSchema, editAnswerSchema, resumeAnswerSchema], {
  error: "an answer is a text, {text}, {asNode, values} or {resume}",
});

export const checkSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("visits"), node: nodeName }).strict(),
  z.object({ type: z.literal("visits-before-final-answer"), node: nodeName }).strict(),
  z.object({ type: z.literal("final-message-contains"), text: z.string().min(1, "say what the final message should contain") }).strict(),
  z.object({ type: z.literal("field-equals"), field: z.string().min(1, "name a state field"), value: z.unknown() }).strict(),
  z.object({ type: z.literal("ends") }).strict(),
  z.object({ type: z.literal("no-errors") }).strict(),
  z.object({ type: z.literal("max-steps"), steps: z.number().int().min(1, "at least 1 step") }).strict(),
]);

export const flowTestSchema = z
  .object({
    name: z.string().trim().min(1, "a test needs a name"),
    description: z.string().optional(),
    /** "real": the graph's llm nodes call a real provider; skipped when its key is not configured. */
    provider: z.enum(["scripted", "real"]).optional(),
    /** Plain text is the user's first message; an object is the input state itself. */
    input: z.union([z.string(), z.record(z.string(), z.unknown())], { error: "input is a text or an object of state fields" }),
    answers: z.array(answerSchema).default([]),
    checks: z.array(checkSchema).default([]),
  })
  .strict();

export const flowTestsFileSchema = z
  .object({
    version: z.literal(FLOW_TESTS_VERSION),
    tests: z.array(flowTestSchema),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.tests.forEach((test, index) => {
      if (seen.has(test.name)) context.addIssue({ code: "custom", path: ["tests", index, "name"], message: `another test is already named "${test.name}"` });
      seen.add(test.name);
    });
  });

export type FlowAnswer = z.infer<typeof answerSchema>;
export type FlowCheck = z.infer<typeof checkSchema>;
export type FlowTest = z.infer<typeof flowTestSchema>;
export type FlowTestsFile = z.infer<typeof flowTestsFileSchema>;
export type CheckType = FlowCheck["type"];

export function emptyTestsFile(): FlowTestsFile {
  return { version: FLOW_TESTS_VERSION, tests: [] };
}

export type ParsedTestsFile = { ok: true; file: FlowTestsFile } | { ok: false; problems: Problem[] };

export function parseFlowTests(value: unknown): ParsedTestsFile {
  const result = flowTestsFileSchema.safeParse(value);
  if (result.success) return { ok: true, file: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
}

export function parseFlowTestsText(text: string): ParsedTestsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `not valid JSON (${(error as Error).message})` }] };
  }
  return parseFlowTests(value);
}

/** The normal form of an answer: what the runner applies. */
export type NormalAnswer =
  | { kind: "text"; node?: string; text: string }
  | { kind: "edit"; node?: string; asNode: string; values: Record<string, unknown> }
  | { kind: "resume"; node?: string; resume: unknown };

export function normalAnswer(answer: FlowAnswer): NormalAnswer {
  if (typeof answer === "string") return { kind: "text", text: answer };
  if ("text" in answer) return { kind: "text", node: answer.node, text: answer.text };
  if ("asNode" in answer) return { kind: "edit", node: answer.node, asNode: answer.asNode, values: answer.values };
  return { kind: "resume", node: answer.node, resume: answer.resume };
}

/** A check as the sentence the Tests panel and the reporters show. */
export function describeCheck(check: FlowCheck): string {
  switch (check.type) {
    case "visits":
      return `visits ${check.node}`;
    case "visits-before-final-answer":
      return `visits ${check.node} before the final answer`;
    case "final-message-contains":
      return `the final message contains '${check.text}'`;
    case "field-equals":
      return `state field ${check.field} equals ${describeValue(check.value)}`;
    case "ends":
      return "ends (does not stay paused)";
    case "no-errors":
      return "no node errors";
    case "max-steps":
      return `at most ${check.steps} step${check.steps === 1 ? "" : "s"}`;
  }
}

export function describeValue(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === undefined) return "(not set)";
  return JSON.stringify(value);
}

/** What "Save run as test" saw of a finished or paused run: enough to propose checks from. */
export interface ObservedRun {
  /** Every node visit in order (a state edit applied as a node counts as its visit). */
  steps: Array<{ node: string; kind?: string }>;
  /** Index in `steps` of the visit that wrote the final answer (an AI message without tool calls). */
  finalAnswerStep?: number;
  finalMessage?: string;
  ended: "finished" | "paused" | "error";
  /** Fields other than the conversation, as they were at the end. */
  fields?: Record<string, unknown>;
}

const PROPOSED_TEXT_LENGTH = 60;

/** Checks that hold for the observed run, in the order a person would read them. */
export function proposeChecks(run: ObservedRun): FlowCheck[] {
  const checks: FlowCheck[] = [];
  if (run.ended === "finished") checks.push({ type: "ends" });
  if (run.ended !== "error") checks.push({ type: "no-errors" });
  const before = new Set(run.finalAnswerStep === undefined ? [] : run.steps.slice(0, run.finalAnswerStep).map((step) => step.node));
  const seen = new Set<string>();
  for (const step of run.steps) {
    if (seen.has(step.node)) continue;
    seen.add(step.node);
    const beforeFinal = step.kind === "tools" && before.has(step.node);
    checks.push({ type: beforeFinal ? "visits-before-final-answer" : "visits", node: step.node });
  }
  const snippet = run.finalAnswerStep === undefined ? undefined : proposedSnippet(run.finalMessage ?? "");
  if (snippet) checks.push({ type: "final-message-contains", text: snippet });
  for (const [field, value] of Object.entries(run.fields ?? {})) {
    if (["string", "number", "boolean"].includes(typeof value)) checks.push({ type: "field-equals", field, value });
  }
  if (run.steps.length > 0) checks.push({ type: "max-steps", steps: run.steps.length });
  return checks;
}

/** A short piece of the final message: its first sentence, cut at a word near 60 characters. */
function proposedSnippet(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (!trimmed) return undefined;
  const sentence = /^.+?[.!?](?=\s|$)/.exec(trimmed)?.[0] ?? trimmed;
  if (sentence.length <= PROPOSED_TEXT_LENGTH) return sentence;
  const cut = sentence.slice(0, PROPOSED_TEXT_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return lastSpace > 20 ? cut.slice(0, lastSpace) : cut;
}
