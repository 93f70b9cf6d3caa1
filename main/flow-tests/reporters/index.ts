import type { FlowTestReport } from "../../../shared/flow-test-result";
import { jsonReport } from "./json";
import { junitReport } from "./junit";
import { prettyReport } from "./pretty";

export const REPORTERS = { pretty: prettyReport, json: jsonReport, junit: junitReport } as const;
export type ReporterName = keyof typeof REPORTERS;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}

/** Reports of several graphs (one per tests file) as one text. */
export type Reporter = (reports: FlowTestReport[]) => string;
