import { summarize, type FlowTestReport } from "../../../shared/flow-test-result";

/** Machine-readable: every report with its results, and the summary over all of them. */
export function jsonReport(reports: FlowTestReport[]): string {
  const summary = summarize(reports.flatMap((report) => report.results));
  return `${JSON.stringify({ summary, reports }, null, 2)}\n`;
}
