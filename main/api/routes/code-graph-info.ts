import { relative, sep } from "node:path";
import type { CodeGraphInfo, WorkspaceEvent, WorkspaceGraphInfo } from "../../../shared/api";
import type { CodeProject } from "../../project/code-project";
import type { ServerContext } from "../context";

/** The code graphs as `/switchyard/workspace` lists them: read-only on the canvas, with their module and any load error. */
export function codeGraphInfos(ctx: ServerContext): WorkspaceGraphInfo[] {
  const project = ctx.project;
  if (!project) return [];
  return project.graphIds().map((graphId) => {
    const code = codeInfo(project, graphId)!;
    const problems = code.error ? [{ path: code.file, message: code.error.message + (code.error.line ? ` (line ${code.error.line})` : "") }] : [];
    return { name: graphId, file: code.file, valid: !code.error, problems, source: "code", code };
  });
}

export function codeInfo(project: CodeProject, graphId: string): CodeGraphInfo | undefined {
  const entry = project.entry(graphId);
  if (!entry) return undefined;
  return {
    file: relative(project.dir, entry.spec.file).split(sep).join("/"),
    path: entry.spec.file,
    export: entry.spec.exportName,
    spec: entry.spec.spec,
    ...(entry.value ? { kind: entry.value.kind } : {}),
    version: entry.version,
    loaded_at: entry.loadedAt,
    ...(entry.problem ? { error: entry.problem } : {}),
  };
}

export function projectInfo(project: CodeProject) {
  return { config_file: project.configFile, dir: project.dir, warnings: project.warnings };
}

/** One `code-graph-reloaded` event per graph after each reload of the project (for /switchyard/events). */
export function subscribeProjectReloads(ctx: ServerContext, send: (event: WorkspaceEvent) => void): () => void {
  if (!ctx.project) return () => {};
  return ctx.project.onReload((reload) => {
    for (const graph of reload.graphs) send({ event: "code-graph-reloaded", data: { name: graph.graphId, version: reload.version, ...(graph.problem ? { error: graph.problem } : {}) } });
  });
}
