import { readdir, readFile, rename, writeFile, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import type { GraphDoc } from "../../shared/graph-doc";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { validateGraphDoc } from "../../shared/graph-validate";
import { formatProblem, type Problem } from "../../shared/problem";

export const GRAPH_SUFFIX = ".graph.json";
const GRAPH_NAME = /^[a-zA-Z0-9_][\w.-]{0,63}$/;

export class InvalidGraphNameError extends Error {
  override name = "InvalidGraphNameError";
  constructor(readonly graphName: string) {
    super(`"${graphName}" is not a valid graph name: use letters, digits, _, - or . (at most 64, no path separators)`);
  }
}

export class GraphFileError extends Error {
  override name = "GraphFileError";
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(`${file} is not a valid graph document:\n  ${problems.map(formatProblem).join("\n  ")}`);
  }
}

export interface LoadedGraph {
  name: string;
  file: string;
  text: string;
  /** Present whenever the file parses against the schema, even with semantic problems. */
  doc?: GraphDoc;
  problems: Problem[];
}

export function graphNameOf(file: string): string {
  return basename(file).slice(0, -GRAPH_SUFFIX.length);
}

export function checkGraphName(name: string): string {
  if (!GRAPH_NAME.test(name) || name.includes("..")) throw new InvalidGraphNameError(name);
  return name;
}

export function graphFilePath(dir: string, name: string): string {
  return join(dir, `${checkGraphName(name)}${GRAPH_SUFFIX}`);
}

export async function listGraphNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(GRAPH_SUFFIX))
    .map((entry) => graphNameOf(entry.name))
    .sort();
}

/** Reads a graph file; a malformed one is reported with its problems, never thrown away. */
export async function loadGraphFile(file: string): Promise<LoadedGraph> {
  const text = await readFile(file, "utf8");
  return loadGraphText(file, text);
}

export function loadGraphText(file: string, text: string): LoadedGraph {
  const name = graphNameOf(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { name, file, text, problems: [{ path: "", message: `not valid JSON (${(error as Error).message})` }] };
  }
  const result = validateGraphDoc(value);
  return { name, file, text, doc: result.doc, problems: result.problems };
}

/** Writes through a temp file and rename, so a crash never leaves half a graph file. */
export async function saveGraphFile(file: string, doc: GraphDoc): Promise<string> {
  const text = serializeGraphDoc(doc);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  return text;
}
