import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { WorkspaceLockedError } from "../checkpoint/errors";
import { WorkspaceLock } from "../checkpoint/workspace-lock";
import { DATA_FOLDER } from "../workspace/data-folder";
import { checkRunData, isRepairable, repairRunData, type RunDataProblem } from "../workspace/run-data-check";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliUsageError } from "./cli-error";

export const DOCTOR_HELP = `usage: switchyard doctor [--workspace DIR] [--repair]

Checks a workspace's run data (.switchyard/): every thread's checkpoint log (checksums and records)
and the indexes threads.jsonl, runs.jsonl, assistants.jsonl and store.jsonl. Lists each damaged
thread and file with the byte offset or line of the damage.
  --workspace DIR   the workspace folder (default: the current folder)
  --repair          keep the intact records and move the damage aside, next to its file:
                    <log>.damaged-<offset> for a checkpoint log (the records before the offset stay),
                    <file>.damaged for index lines. Nothing is deleted. Needs the workspace to
                    yourself: stop the server or app using it first.

exit codes: 0 nothing damaged (with --repair: all damage moved aside)
            1 damage found (without --repair), or damage --repair could not move
            2 bad arguments
            3 --repair refused: a server or app has the workspace open`;

export interface DoctorOptions {
  workspace: string;
  repair: boolean;
}

const options = { workspace: { type: "string", short: "w" }, repair: { type: "boolean" } } as const;

export const doctorCommand = defineCommand({ usage: DOCTOR_HELP, options, run: async (args) => runDoctor(doctorOptions(args)) });

function doctorOptions({ values }: ParsedArguments<typeof options>): DoctorOptions {
  const workspace = resolve(values.workspace ?? ".");
  if (!existsSync(workspace)) throw new CliUsageError(`--workspace ${workspace}: no such folder`);
  return { workspace, repair: values.repair ?? false };
}

export function runDoctor({ workspace, repair }: DoctorOptions): number {
  const dataDir = resolve(workspace, DATA_FOLDER);
  const locks: WorkspaceLock[] = [];
  try {
    // A repair rewrites files a running server appends to: hold both of its locks meanwhile.
    if (repair) for (const name of ["server.lock", "checkpoints.lock"]) locks.push(WorkspaceLock.acquire(dataDir, name));
  } catch (error) {
    for (const lock of locks) lock.release();
    if (!(error instanceof WorkspaceLockedError)) throw error;
    console.error(`switchyard doctor: cannot repair: ${error.message}`);
    return 3;
  }
  try {
    return report(workspace, checkRunData(dataDir), repair);
  } finally {
    for (const lock of locks) lock.release();
  }
}

function report(workspace: string, problems: RunDataProblem[], repair: boolean): number {
  const shown = (file: string) => relative(workspace, file);
  let unrepaired = 0;
  for (const problem of problems) {
    console.log(describe(problem, shown));
    if (!isRepairable(problem)) continue;
    if (!repair) {
      unrepaired++;
      continue;
    }
    try {
      console.log(`  repaired: the damage is now in ${shown(repairRunData(problem))}`);
    } catch (error) {
      unrepaired++;
      console.log(`  not repaired: ${(error as Error).message}`);
    }
  }
  const damaged = problems.filter(isRepairable).length;
  if (damaged === 0) console.log(`switchyard doctor: ${workspace}: no damage found`);
  else if (unrepaired === 0) console.log(`switchyard doctor: moved the damage of ${damaged} file(s) aside; the intact records are kept`);
  else if (!repair) console.log(`switchyard doctor: ${damaged} damaged file(s); run "switchyard doctor --repair" to keep the intact records and move the damage aside`);
  return unrepaired > 0 ? 1 : 0;
}

function describe(problem: RunDataProblem, shown: (file: string) => string): string {
  if (problem.kind === "missing-entry") {
    return `missing   thread ${problem.threadId}: ${shown(problem.file)} has no entry in threads.jsonl; the server rebuilds it from the log when it starts`;
  }
  if (problem.kind === "index-lines") {
    return problem.lines.map((line) => `damaged   ${shown(problem.file)} line ${line.line}: ${line.reason}`).join("\n");
  }
  const { health } = problem;
  const where = `thread ${problem.threadId}: ${shown(problem.file)}`;
  if (health.kind === "empty") return `empty     ${where} is 0 bytes: the thread reads as having no checkpoints`;
  if (health.kind === "torn") return `torn      ${where}: an interrupted write of ${health.bytes} bytes at byte ${health.offset} (${health.records} records before it are intact)`;
  return `corrupt   ${where}: damaged at byte ${health.offset} (${health.detail}); ${health.records} records before it are intact, ${health.bytes} bytes from it on`;
}
