import type { GraphDoc } from "../../shared/graph-doc";
import { requestJson } from "./request";

export type ExportLanguage = "ts" | "python";

export interface ExportedFile {
  path: string;
  content: string;
}

/** POST /switchyard/export: a runnable LangGraph project for a document (unsaved edits included). */
export const exportApi = {
  exportGraph: (doc: GraphDoc, lang: ExportLanguage) => requestJson<{ files: ExportedFile[] }>("POST", "/switchyard/export", { graph: doc, lang }),
};
