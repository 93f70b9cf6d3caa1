import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { exportLanguages, UnknownExportLanguageError, type ExportedFile, type ExportLanguage } from "./exported-file";
import { planExport } from "./plan";
import { pythonProject } from "./python-project";
import { tsProject } from "./ts-project";

export { exportLanguages, UnknownExportLanguageError, type ExportedFile, type ExportLanguage };

/**
 * A runnable LangGraph project for a graph document, as files sorted by path. Pure and
 * deterministic: the same document always gives byte-identical files. Throws
 * InvalidGraphError for a document Switchyard itself could not run. `graphs`: the workspace's
 * graphs, for subgraph nodes (each graph they run becomes a module of the project).
 */
export function exportGraphDoc(doc: GraphDoc, language: ExportLanguage, graphs?: WorkspaceGraphs): ExportedFile[] {
  if (!isExportLanguage(language)) throw new UnknownExportLanguageError(String(language));
  const plan = planExport(doc, graphs);
  const files = language === "ts" ? tsProject(plan) : pythonProject(plan);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isExportLanguage(value: unknown): value is ExportLanguage {
  return exportLanguages.includes(value as ExportLanguage);
}
