import { readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { MAX_GRAPH_FILE_BYTES, type OpenedGraphFile, type SaveGraphFileRequest } from "../../shared/desktop-bridge";
import type { DialogLike } from "./shell-types";

const GRAPH_FILTERS = [
  { name: "Switchyard graph", extensions: ["graph.json", "json"] },
  { name: "All files", extensions: ["*"] },
];

export class GraphFileTooLargeError extends Error {
  override name = "GraphFileTooLargeError";
  constructor(readonly path: string, readonly bytes: number) {
    super(`${path} is ${bytes} bytes; graph files larger than ${MAX_GRAPH_FILE_BYTES} bytes are not opened`);
  }
}

/** "Open graph file...": the native dialog, then the file's text for the renderer to import. */
export async function openGraphFileDialog(dialog: DialogLike, window: unknown, defaultPath: string): Promise<OpenedGraphFile | null> {
  const result = await dialog.showOpenDialog(window, { title: "Open Graph File", defaultPath, filters: GRAPH_FILTERS, properties: ["openFile"] });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  const { size } = await stat(path);
  if (size > MAX_GRAPH_FILE_BYTES) throw new GraphFileTooLargeError(path, size);
  return { fileName: basename(path), text: await readFile(path, "utf8") };
}

/** "Export as...": the native save dialog; the text is written only where the user chose. */
export async function saveGraphFileDialog(dialog: DialogLike, window: unknown, folder: string, request: SaveGraphFileRequest): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: "Save Graph File As",
    defaultPath: join(folder, basename(request.suggestedName)),
    filters: GRAPH_FILTERS,
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, request.text);
  return result.filePath;
}

/** "Open workspace...": a folder, or `null` when cancelled. */
export async function chooseWorkspaceFolder(dialog: DialogLike, window: unknown, defaultPath: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title: "Open Workspace", defaultPath, properties: ["openDirectory", "createDirectory"] });
  const path = result.filePaths[0];
  return result.canceled || !path ? null : path;
}

export const PROJECT_FILTERS = [
  { name: "LangGraph project (langgraph.json)", extensions: ["json"] },
  { name: "All files", extensions: ["*"] },
];

/** "Open LangGraph Project...": a project's `langgraph.json`, or `null` when cancelled. */
export async function chooseProjectConfig(dialog: DialogLike, window: unknown, defaultPath: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title: "Open LangGraph Project", defaultPath, filters: PROJECT_FILTERS, properties: ["openFile"] });
  const path = result.filePaths[0];
  return result.canceled || !path ? null : path;
}
