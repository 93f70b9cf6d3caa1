import { jsonReport } from "./json";
import { junitReport } from "./junit";
import { prettyReport } from "./pretty";

export const REPORTERS = { pretty: prettyReport, json: jsonReport, junit: junitReport } as const;
export type ReporterName = keyof typeof REPORTERS;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}
