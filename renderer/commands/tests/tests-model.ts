import type { FlowAnswer, FlowCheck, FlowTest, NormalAnswer } from "../../../shared/flow-test";
import type { FlowTestResult, FlowTestStatus } from "../../../shared/flow-test-result";

/**
 * Pure edits of a graph's test list: what the Tests panel's buttons do to the draft, kept apart
 * from the store so they read (and test) as plain functions.
 */

/** "New test", "New test 2", …: a name no other test has. */
export function freeTestName(tests: readonly FlowTest[], base = "New test"): string {
  const taken = new Set(tests.map((test) => test.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function blankTest(tests: readonly FlowTest[]): FlowTest {
  return { name: freeTestName(tests), input: "", answers: [], checks: [{ type: "ends" }, { type: "no-errors" }] };
}

export function replaceTest(tests: readonly FlowTest[], index: number, test: FlowTest): FlowTest[] {
  return tests.map((existing, i) => (i === index ? test : existing));
}

export function removeTest(tests: readonly FlowTest[], index: number): FlowTest[] {
  return tests.filter((_, i) => i !== index);
}

/** A recorded test added to the list; its name is made unique if a test already has it. */
export function addRecordedTest(tests: readonly FlowTest[], test: FlowTest): FlowTest[] {
  return [...tests, { ...test, name: freeTestName(tests, test.name) }];
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function withCheck(test: FlowTest, index: number, check: FlowCheck): FlowTest {
  return { ...test, checks: replaceAt(test.checks, index, check) };
}

export function withAnswer(test: FlowTest, index: number, answer: FlowAnswer): FlowTest {
  return { ...test, answers: replaceAt(test.answers, index, answer) };
}

/** Why a name cannot be used, in words; null when it can. */
export function testNameProblem(tests: readonly FlowTest[], index: number, name: string): string | null {
  if (!name.trim()) return "A test needs a name";
  if (tests.some((test, i) => i !== index && test.name === name.trim())) return `Another test is already named "${name.trim()}"`;
  return null;
}

/** The first check that failed (the one the panel explains), if any. */
export function firstFailure(result: FlowTestResult) {
  return result.checks.find((check) => !check.passed);
}

export type ShownStatus = FlowTestStatus | "not-run" | "running";

export function shownStatus(name: string, results: Record<string, FlowTestResult>, running: readonly string[]): ShownStatus {
  if (running.includes(name)) return "running";
  return results[name]?.status ?? "not-run";
}

export const STATUS_WORDS: Record<ShownStatus, string> = {
  passed: "passed",
  failed: "failed",
  error: "could not run",
  skipped: "skipped",
  "not-run": "not run yet",
  running: "running…",
};

/** The answer as the file stores it: plain text stays a plain string when it names no node. */
export function answerFromNormal(answer: NormalAnswer): FlowAnswer {
  const node = answer.node ? { node: answer.node } : {};
  if (answer.kind === "text") return answer.node ? { node: answer.node, text: answer.text } : answer.text;
  if (answer.kind === "edit") return { ...node, asNode: answer.asNode, values: answer.values };
  return { ...node, resume: answer.resume };
}

/**
 * Renames since the last save, by the name the file holds: renaming `from` to `to` extends the
 * chain a test was already on (a -> b -> c is a -> c), and back to its saved name is no rename.
 */
export function withRename(renames: Readonly<Record<string, string>>, savedNames: ReadonlySet<string>, from: string, to: string): Record<string, string> {
  const saved = Object.keys(renames).find((name) => renames[name] === from) ?? (savedNames.has(from) ? from : null);
  if (saved === null) return { ...renames };
  const next = { ...renames };
  if (saved === to) delete next[saved];
  else next[saved] = to;
  return next;
}
