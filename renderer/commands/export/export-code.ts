import { exportApi, type ExportLanguage, type ExportedFile } from "../../client/export-api";
import { useGraphStore } from "../../stores/graph-store";
import { problemsOf } from "../../stores/problems";
import { isEditableGraph } from "../../stores/open-graph-store";
import { showToast, useUiStore } from "../../stores/ui-store";
import { zipFiles } from "./zip";

export const EXPORT_LANGUAGES: { lang: ExportLanguage; label: string }[] = [
  { lang: "ts", label: "TypeScript" },
  { lang: "python", label: "Python" },
];

/** The download's name: `agent-langgraph-ts.zip`. */
export function exportFileName(graphName: string, lang: ExportLanguage): string {
  return `${graphName}-langgraph-${lang}.zip`;
}

/** One folder per export inside the zip, so unzipping never scatters files. */
export function zipOfExport(graphName: string, lang: ExportLanguage, files: ExportedFile[]): Uint8Array {
  const folder = `${graphName}-langgraph-${lang}`;
  return zipFiles(files.map((file) => ({ path: `${folder}/${file.path}`, content: file.content })));
}

/** Whether the open graph can be exported: a drawn graph (not code, not remote) without problems. */
export function canExport(): boolean {
  const { doc } = useGraphStore.getState();
  return !!doc && !!isEditableGraph();
}

/**
 * "Export as code…": the open document (unsaved edits included) as a runnable LangGraph project
 * from POST /switchyard/export, downloaded as one zip. Not a document change.
 */
export async function exportAsCode(lang: ExportLanguage, download: (name: string, bytes: Uint8Array) => void = downloadBytes): Promise<boolean> {
  const { doc, graphName } = useGraphStore.getState();
  if (!doc || !graphName || !isEditableGraph()) return false;
  const problems = problemsOf(doc).all.length;
  if (problems > 0) {
    useUiStore.setState({ bottomOpen: true, bottomTab: "problems" });
    showToast(`"${graphName}" has ${problems} problem${problems === 1 ? "" : "s"} to fix before it can be exported (see Problems).`, "error", 6000);
    return false;
  }
  try {
    const { files } = await exportApi.exportGraph(doc, lang);
    download(exportFileName(graphName, lang), zipOfExport(graphName, lang, files));
    showToast(`Exported "${graphName}" as a ${lang === "ts" ? "TypeScript" : "Python"} LangGraph project (${files.length} files).`, "success");
    return true;
  } catch (error) {
    showToast(`Could not export "${graphName}": ${(error as Error).message}`, "error", 6000);
    return false;
  }
}

function downloadBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
