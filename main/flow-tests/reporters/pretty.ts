import { summarize, type FlowTestReport, type FlowTestResult } from "../../../shared/flow-test-result";

const MARKS = { passed: "✓", failed: "✗", error: "!", skipped: "-" } as const;

/** For a person at a terminal: one line per test, and under a red one each failing check with what happened. */
export function prettyReport(reports: FlowTestReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(report.file);
    for (const result of report.results) lines.push(...resultLines(result));
    lines.push("");
  }
  const summary = summarize(reports.flatMap((report) => report.results));
  const errors = summary.errors > 0 ? `, ${summary.errors} could not run` : "";
  lines.push(`${summary.passed} passed, ${summary.failed} failed${errors}, ${summary.skipped} skipped`);
  return `${lines.join("\n")}\n`;
}

function resultLines(result: FlowTestResult): string[] {
  const seconds = (result.duration_ms / 1000).toFixed(2);
  const head = `  ${MARKS[result.status]} ${result.name} (${seconds} s)`;
  if (result.status === "skipped") return [`${head} skipped: ${result.message}`];
  if (result.status === "error") return [head, `      could not run: ${result.message}`, ...openLine(result)];
  if (result.status === "passed") return [head];
  const lines = [head];
  for (const check of result.checks.filter((candidate) => !candidate.passed)) {
    lines.push(`      ✗ ${check.description}${check.implicit ? " (always checked)" : ""}`);
    lines.push(`        actual: ${check.actual}`);
  }
  if (result.unused_answers > 0) lines.push(`      note: ${result.unused_answers} answer${result.unused_answers === 1 ? " was" : "s were"} not used (the run did not pause for ${result.unused_answers === 1 ? "it" : "them"})`);
  lines.push(...openLine(result));
  return lines;
}

function openLine(result: FlowTestResult): string[] {
  if (!result.thread_id) return [];
  return [`      run: thread ${result.thread_id}${result.checkpoint_id ? ` at checkpoint ${result.checkpoint_id}` : ""}`];
}
