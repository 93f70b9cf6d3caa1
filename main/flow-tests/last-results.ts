import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FlowTestReport, FlowTestResult } from "../../shared/flow-test-result";
import { checkGraphName } from "../workspace/graph-files";

/**
 * The last result of each test, by graph and test name, kept in the run data folder
 * (`.switchyard/flow-tests/<graph>.json`, never committed) so the Tests panel shows it after a
 * restart and after `switchyard test` ran in a terminal.
 */
export type LastResults = Record<string, FlowTestResult>;

function lastResultsFile(dataDir: string, graph: string): string {
  return join(dataDir, "flow-tests", `${checkGraphName(graph)}.json`);
}

export async function readLastResults(dataDir: string, graph: string): Promise<LastResults> {
  try {
    const value: unknown = JSON.parse(await readFile(lastResultsFile(dataDir, graph), "utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as LastResults) : {};
  } catch {
    // Missing or unreadable: these are only a convenience, the tests can always run again.
    return {};
  }
}

/** Writes of one file, one after another: two runs finishing together must not lose each other's results. */
const writing = new Map<string, Promise<void>>();

export function rememberResults(dataDir: string, report: FlowTestReport): Promise<void> {
  return update(dataDir, report.graph, (results) => ({ ...results, ...Object.fromEntries(report.results.map((result) => [result.name, result])) }));
}

/** Tests renamed in a save (old name -> new name) keep their last result under the new name. */
export function renameResults(dataDir: string, graph: string, renamed: Record<string, string>): Promise<void> {
  const moves = Object.entries(renamed).filter(([from, to]) => from !== to);
  if (moves.length === 0) return Promise.resolve();
  return update(dataDir, graph, (results) => {
    const next = { ...results };
    for (const [from] of moves) delete next[from];
    for (const [from, to] of moves) if (results[from]) next[to] = { ...results[from], name: to };
    return next;
  });
}

function update(dataDir: string, graph: string, change: (results: LastResults) => LastResults): Promise<void> {
  const file = lastResultsFile(dataDir, graph);
  const next = (writing.get(file) ?? Promise.resolve()).then(() => write(dataDir, file, graph, change));
  writing.set(file, next.catch(() => {}));
  return next;
}

async function write(dataDir: string, file: string, graph: string, change: (results: LastResults) => LastResults): Promise<void> {
  const results = change(await readLastResults(dataDir, graph));
  await mkdir(join(dataDir, "flow-tests"), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(results, null, 2)}\n`, "utf8");
  await rename(temp, file);
}
