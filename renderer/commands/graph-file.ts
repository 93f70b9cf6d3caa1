import { desktopBridge, MAX_GRAPH_FILE_BYTES, type OpenedGraphFile } from "../../shared/desktop-bridge";
import { parseGraphJson } from "../../shared/graph-parse";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { switchyardApi } from "../client/switchyard-api";
import { useGraphStore } from "../stores/graph-store";
import { showToast } from "../stores/ui-store";
import { freeGraphName, graphNameProblem } from "./graph-name";
import { openGraph } from "./open-graph";
import { refreshWorkspace } from "./refresh-workspace";

/**
 * File > Import graph file...: a `*.graph.json` from anywhere on disk becomes a graph of this
 * workspace (the native dialog in the desktop app, the browser's file picker in web mode).
 * A file that is not a graph document is refused with its first problem; nothing is written.
 */
export async function importGraphFile(): Promise<void> {
  const bridge = desktopBridge();
  let file: OpenedGraphFile | null;
  try {
    file = bridge ? await bridge.openGraphFile() : await pickFileInBrowser();
  } catch (error) {
    return showToast(`Could not read the graph file: ${(error as Error).message}`, "error");
  }
  if (!file) return;
  const parsed = parseGraphJson(file.text);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    return showToast(`"${file.fileName}" is not a graph document: ${first.path ? `${first.path}: ` : ""}${first.message}`, "error");
  }
  const base = file.fileName.replace(/(\.graph)?\.json$/i, "");
  // A file name that is no graph name ("my agent (1).json") imports as "imported"; a taken one gets "-2".
  const problem = graphNameProblem(base);
  const name = freeGraphName(problem && !problem.includes("already exists") ? "imported" : base);
  try {
    await switchyardApi.createGraph(name, { ...parsed.doc, name });
    await refreshWorkspace();
    await openGraph(name);
    showToast(`Imported "${file.fileName}" as "${name}".`, "success");
  } catch (error) {
    showToast(`Could not import "${file.fileName}": ${(error as Error).message}`, "error");
  }
}

/** File > Export graph file as...: the open document's text, saved where the person chooses. */
export async function exportGraphFile(): Promise<void> {
  const { graphName, doc } = useGraphStore.getState();
  if (!graphName || !doc) return;
  const request = { suggestedName: `${graphName}.graph.json`, text: serializeGraphDoc(doc) };
  const bridge = desktopBridge();
  if (!bridge) return downloadInBrowser(request.suggestedName, request.text);
  try {
    const path = await bridge.saveGraphFileAs(request);
    if (path) showToast(`Exported "${graphName}" to ${path}.`, "success");
  } catch (error) {
    showToast(`Could not export "${graphName}": ${(error as Error).message}`, "error");
  }
}

function pickFileInBrowser(): Promise<OpenedGraphFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.addEventListener("cancel", () => resolve(null));
    input.addEventListener("change", () => {
      const picked = input.files?.[0];
      if (!picked) return resolve(null);
      if (picked.size > MAX_GRAPH_FILE_BYTES) return reject(new Error(`${picked.name} is larger than ${MAX_GRAPH_FILE_BYTES} bytes`));
      void picked.text().then((text) => resolve({ fileName: picked.name, text }), reject);
    });
    input.click();
  });
}

function downloadInBrowser(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
