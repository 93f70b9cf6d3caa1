import { statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { summarize, type FlowTestReport } from "../../shared/flow-test-result";
import { rememberResults } from "../flow-tests/last-results";
import { isReporterName, REPORTERS } from "../flow-tests/reporters";
import { listTestsFiles, readTestsFile, TestsFileError, testsFileName, type LoadedTestsFile } from "../flow-tests/tests-file";
import { checkGraphName } from "../workspace/graph-files";
import { Workspace } from "../workspace/workspace";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliArgumentError, CliUsageError } from "./cli-error";

const HELP = `usage: switchyard test [--workspace DIR] [--graph NAME] [--reporter pretty|json|junit] [--output FILE] [--record | --record-missing]

Runs the flow tests of every NAME.tests.json in the workspace (default: the current folder), or
only those of --graph NAME, through the real engine. Each test runs as a thread of the workspace,
so a failing one can be opened in the debugger. --reporter junit writes JUnit XML for CI systems;
--output FILE writes the report there instead of to stdout.

Tests marked "provider": "real" replay from NAME.cassettes/<test>.json when it exists (no network,
no key); a model request not in the cassette fails the test naming the node and the difference.
--record runs them against the real providers and writes their cassettes; --record-missing
records only the requests a cassette does not hold yet.

Exit codes: 0 every test passed (or was skipped), 1 a test failed or could not run,
2 unusable input (no workspace, no tests, a malformed tests file).`;

const options = {
  workspace: { type: "string" },
  graph: { type: "string" },
  reporter: { type: "string", default: "pretty" },
  output: { type: "string" },
  record: { type: "boolean", default: false },
  "record-missing": { type: "boolean", default: false },
} as const;

export const testCommand = defineCommand({ usage: HELP, options, run: runFlowTests });

async function runFlowTests({ values }: ParsedArguments<typeof options>): Promise<number> {
  const reporterName = values.reporter;
  if (!isReporterName(reporterName)) throw new CliArgumentError(`--reporter must be pretty, json or junit (not "${reporterName}")`);
  if (values.record && values["record-missing"]) throw new CliArgumentError("--record and --record-missing cannot be used together: --record re-records every call");
  const cassetteMode = values.record ? "record" : values["record-missing"] ? "record-missing" : "replay";
  const dir = resolve(values.workspace ?? ".");
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new CliUsageError(`workspace not found: ${values.workspace ?? dir} is not a folder`);
  const workspace = new Workspace(dir);
  const files = await testsFilesToRun(workspace, values.graph);

  // The engine loads only once the input is known to be usable: a mistake is reported at once.
  const { runTests, testedGraph } = await import("../flow-tests/run-suite");
  const { WorkspaceData } = await import("./thread-session");
  const data = new WorkspaceData(dir);
  const reports: FlowTestReport[] = [];
  try {
    for (const loaded of files) {
      const graph = await testedGraph(workspace, loaded.graph);
      const report = await runTests({ saver: data.saver, threads: data.threads, tools: data.tools, cassettes: { workspaceDir: dir, mode: cassetteMode } }, graph, loaded.file, loaded.tests!.tests);
      await rememberResults(workspace.dataDir, report);
      reports.push(report);
    }
  } finally {
    await data.close();
  }

  const text = REPORTERS[reporterName](reports);
  const summary = summarize(reports.flatMap((report) => report.results));
  if (values.output) {
    await writeFile(resolve(values.output), text, "utf8");
    console.error(`${summary.passed} passed, ${summary.failed} failed, ${summary.errors} could not run, ${summary.skipped} skipped (report: ${values.output})`);
  } else {
    process.stdout.write(text);
  }
  return summary.failed + summary.errors > 0 ? 1 : 0;
}

/** Every tests file to run, read and checked before any test runs: a malformed one is exit 2, naming where. */
async function testsFilesToRun(workspace: Workspace, graph: string | undefined): Promise<LoadedTestsFile[]> {
  const names = graph === undefined ? await listTestsFiles(workspace.dir) : [checkGraphName(graph)];
  if (names.length === 0) throw new CliUsageError(`no flow tests in ${workspace.dir} (no *.tests.json file)`);
  const files: LoadedTestsFile[] = [];
  for (const name of names) {
    if (!(await workspace.graph(name))) throw new CliUsageError(`${testsFileName(name)}: there is no graph "${name}" in ${workspace.dir} (no ${name}.graph.json)`);
    const loaded = await readTestsFile(workspace.dir, name);
    if (!loaded.exists) throw new CliUsageError(`graph "${name}" has no tests: ${loaded.path} does not exist`);
    if (!loaded.tests) throw new CliUsageError(new TestsFileError(loaded.path, loaded.problems).message);
    files.push(loaded);
  }
  return files;
}
