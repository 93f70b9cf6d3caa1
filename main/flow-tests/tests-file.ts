import { readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { emptyTestsFile, parseFlowTests, parseFlowTestsText, TESTS_SUFFIX, type FlowTestsFile } from "../../shared/flow-test";
import { serializeFlowTests } from "../../shared/flow-test-serialize";
import { formatProblem, type Problem } from "../../shared/problem";
import { checkGraphName } from "../workspace/graph-files";
import { hashText } from "../workspace/workspace";

/** A tests file that does not match the schema; the message names the file and each problem's path. */
export class TestsFileError extends Error {
  override name = "TestsFileError";
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(`${file} is not a valid tests file:\n  ${problems.map(formatProblem).join("\n  ")}`);
  }
}

export class TestsFileChangedError extends Error {
  override name = "TestsFileChangedError";
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was loaded; reload it before saving`);
  }
}

export interface LoadedTestsFile {
  graph: string;
  /** The file name inside the workspace, e.g. `agent.tests.json`. */
  file: string;
  path: string;
  exists: boolean;
  text: string;
  /** sha256 of the text, or null when there is no file yet. */
  hash: string | null;
  /** The parsed file (an empty one when there is no file); null when it does not match the schema. */
  tests: FlowTestsFile | null;
  problems: Problem[];
}

export function testsFileName(graph: string): string {
  return `${checkGraphName(graph)}${TESTS_SUFFIX}`;
}

export async function readTestsFile(workspaceDir: string, graph: string): Promise<LoadedTestsFile> {
  const file = testsFileName(graph);
  const path = join(workspaceDir, file);
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) return { graph, file, path, exists: false, text: "", hash: null, tests: emptyTestsFile(), problems: [] };
  const parsed = parseFlowTestsText(text);
  return { graph, file, path, exists: true, text, hash: hashText(text), tests: parsed.ok ? parsed.file : null, problems: parsed.ok ? [] : parsed.problems };
}

/** Validates and writes the file in its stable form (through a temp file and rename). */
export async function saveTestsFile(workspaceDir: string, graph: string, value: unknown, baseHash?: string | null): Promise<LoadedTestsFile> {
  const file = testsFileName(graph);
  const parsed = parseFlowTests(value);
  if (!parsed.ok) throw new TestsFileError(file, parsed.problems);
  if (baseHash !== undefined) {
    const current = await readTestsFile(workspaceDir, graph);
    if (current.hash !== baseHash) throw new TestsFileChangedError(file);
  }
  const path = join(workspaceDir, file);
  const text = serializeFlowTests(parsed.file);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  return { graph, file, path, exists: true, text, hash: hashText(text), tests: parsed.file, problems: [] };
}

/** Graph names that have a tests file in the workspace, sorted. */
export async function listTestsFiles(workspaceDir: string): Promise<string[]> {
  const entries = await readdir(workspaceDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(TESTS_SUFFIX))
    .map((entry) => entry.name.slice(0, -TESTS_SUFFIX.length))
    .sort();
}
