import type { ExportedFile } from "./exported-file";
import type { ExportPlan } from "./plan";
export function pythonProject(_plan: ExportPlan): ExportedFile[] {
  return [];
}
