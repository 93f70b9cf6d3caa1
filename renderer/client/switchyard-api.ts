import type { GraphDoc } from "../../shared/graph-doc";
import type { GraphFileResponse, GraphSaveResponse, WorkspaceGraphInfo, WorkspaceInfo } from "../../shared/api";
import { requestJson } from "./request";

export type { WorkspaceInfo } from "../../shared/api";
export type GraphSummary = WorkspaceGraphInfo;
export type GraphFile = GraphFileResponse;

const graphPath = (name: string) => `/switchyard/graphs/${encodeURIComponent(name)}`;

/** The editor routes of `switchyard serve` (see the server's /switchyard/* contract). */
export const switchyardApi = {
  workspace: () => requestJson<WorkspaceInfo>("GET", "/switchyard/workspace"),
  readGraph: (name: string) => requestJson<GraphFileResponse>("GET", graphPath(name)),
  /** 409 when the file changed on disk since `baseHash`; 422 when the document fails the schema. */
  writeGraph: (name: string, doc: GraphDoc, baseHash?: string | null) =>
    requestJson<GraphSaveResponse>("PUT", graphPath(name), baseHash ? { doc, baseHash } : { doc }),
  createGraph: (name: string, doc?: GraphDoc) => requestJson<unknown>("POST", "/switchyard/graphs", doc ? { name, doc } : { name }),
  renameGraph: (name: string, to: string) => requestJson<unknown>("POST", `${graphPath(name)}/rename`, { to }),
  duplicateGraph: (name: string, to: string) => requestJson<unknown>("POST", `${graphPath(name)}/duplicate`, { to }),
  deleteGraph: (name: string) => requestJson<unknown>("DELETE", graphPath(name)),
  validate: (doc: unknown) => requestJson<{ problems: GraphSaveResponse["problems"] }>("POST", "/switchyard/validate", { doc }),
};
