import { summarize, type FlowTestReport, type FlowTestResult } from "../../../shared/flow-test-result";

/**
 * JUnit XML as CI systems read it: one <testsuite> per tests file, one <testcase> per test,
 * <failure> with the failing checks and their actual values, <error> for a test that could
 * not run, <skipped> with the reason.
 */
export function junitReport(reports: FlowTestReport[]): string {
  const all = summarize(reports.flatMap((report) => report.results));
  const time = seconds(reports.reduce((sum, report) => sum + report.duration_ms, 0));
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="switchyard flow tests" tests="${all.total}" failures="${all.failed}" errors="${all.errors}" skipped="${all.skipped}" time="${time}">`,
  ];
  for (const report of reports) lines.push(...suiteLines(report));
  lines.push(`</testsuites>`);
  return `${lines.join("\n")}\n`;
}

function suiteLines(report: FlowTestReport): string[] {
  const { total, failed, errors, skipped } = report.summary;
  const lines = [
    `  <testsuite name="${attr(report.graph)}" file="${attr(report.file)}" tests="${total}" failures="${failed}" errors="${errors}" skipped="${skipped}" time="${seconds(report.duration_ms)}">`,
  ];
  for (const result of report.results) lines.push(...caseLines(report, result));
  lines.push(`  </testsuite>`);
  return lines;
}

function caseLines(report: FlowTestReport, result: FlowTestResult): string[] {
  const open = `    <testcase classname="${attr(report.graph)}" name="${attr(result.name)}" file="${attr(report.file)}" time="${seconds(result.duration_ms)}"`;
  const body: string[] = [];
  if (result.status === "failed") {
    const failing = result.checks.filter((check) => !check.passed);
    const details = failing.map((check) => `${check.description}\n  actual: ${check.actual}\n  checkpoint: ${check.checkpoint_id ?? "-"}`).join("\n");
    body.push(`      <failure message="${attr(result.message ?? "a check failed")}" type="CheckFailed">${text(details)}</failure>`);
  } else if (result.status === "error") {
    body.push(`      <error message="${attr(result.message ?? "the test could not run")}" type="TestError"/>`);
  } else if (result.status === "skipped") {
    body.push(`      <skipped message="${attr(result.message ?? "skipped")}"/>`);
  }
  if (result.thread_id) body.push(`      <system-out>${text(`thread ${result.thread_id}${result.checkpoint_id ? ` checkpoint ${result.checkpoint_id}` : ""}`)}</system-out>`);
  if (body.length === 0) return [`${open}/>`];
  return [`${open}>`, ...body, `    </testcase>`];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 has no way to write most control characters, even escaped: they are dropped. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

function text(value: string): string {
  return clean(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
