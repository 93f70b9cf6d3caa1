import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { GraphDoc } from "../../shared/graph-doc";
import { formatProblem } from "../../shared/problem";
import { GRAPH_SUFFIX, loadGraphFile } from "../workspace/graph-files";
import { CliUsageError } from "./cli-error";

/** Loads a graph file for a command, turning every way it can be unusable into a usage error. */
export async function loadRunnableGraph(file: string): Promise<GraphDoc> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliUsageError(`graph file not found: ${file}`);
  if (!path.endsWith(GRAPH_SUFFIX)) throw new CliUsageError(`${file}: a graph file's name ends in ${GRAPH_SUFFIX}`);
  const loaded = await loadGraphFile(path);
  if (loaded.problems.length > 0 || !loaded.doc) {
    throw new CliUsageError(`${file} is not a valid graph:\n${loaded.problems.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`);
  }
  return loaded.doc;
}

export function workspaceOf(graphFile: string, workspace?: string): string {
  return resolve(workspace ?? dirname(graphFile));
}

export function graphFileIn(workspace: string, graphName: string): string {
  return join(workspace, `${graphName}${GRAPH_SUFFIX}`);
}

export function parseJsonOption(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`--${name} is not valid JSON (${(error as Error).message})`);
  }
}

export function parseNodeList(text: string | undefined): string[] | "*" | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === "*") return "*";
  return text.split(",").map((name) => name.trim()).filter(Boolean);
}
