import fs from "node:fs";
import path from "node:path";
import { checkThreadLog, repairThreadLog, type LogHealth } from "../checkpoint/log-check";
import { LOG_FILE_NAME } from "../checkpoint/thread-log";
import { threadIdFromDirName } from "../checkpoint/thread-id";
import { damagedLinesOf, readRecords, setDamagedLinesAside, type DamagedLine } from "./append-log";
import { indexFiles } from "./index-files";
import { isThreadRecord } from "./thread-store";

/** One thing `switchyard doctor` found in a workspace's run data (`.switchyard/`). */
export type RunDataProblem =
  | { kind: "log"; threadId: string; file: string; health: Exclude<LogHealth, { kind: "intact" }> }
  | { kind: "index-lines"; file: string; lines: DamagedLine[] }
  /** Not damage in a file: the server rebuilds the entry from the log when it starts. */
  | { kind: "missing-entry"; threadId: string; file: string };

/** Reads every checkpoint log and index of the folder without changing anything. */
export function checkRunData(dataDir: string): RunDataProblem[] {
  const problems: RunDataProblem[] = [];
  const logs = threadLogs(dataDir);
  for (const { threadId, file } of logs) {
    const health = checkThreadLog(file);
    if (health.kind !== "intact") problems.push({ kind: "log", threadId, file, health });
  }
  for (const { file, isRecord } of indexFiles(dataDir)) {
    const lines = damagedLinesOf(file, isRecord);
    if (lines.length > 0) problems.push({ kind: "index-lines", file, lines });
  }
  const listed = listedThreads(dataDir);
  for (const { threadId, file } of logs) if (!listed.has(threadId)) problems.push({ kind: "missing-entry", threadId, file });
  return problems;
}

/** True for what `repairRunData` can fix. */
export function isRepairable(problem: RunDataProblem): boolean {
  return problem.kind !== "missing-entry";
}

/**
 * Keeps what is intact and moves the damage aside, next to the file it came from; never deletes.
 * A damaged log keeps its records before the damage (the rest goes to `<log>.damaged-<offset>`);
 * an empty log is moved to `<log>.damaged-0`; an index keeps its readable lines (the others go
 * to `<file>.damaged`). Returns where the damage went.
 */
export function repairRunData(problem: RunDataProblem): string {
  if (problem.kind === "index-lines") {
    setDamagedLinesAside(problem.file, indexFiles(path.dirname(problem.file)).find((index) => index.file === problem.file)!.isRecord);
    return `${problem.file}.damaged`;
  }
  if (problem.kind !== "log") throw new Error(`${problem.kind} is not repaired by doctor`);
  if (problem.health.kind !== "empty") return repairThreadLog(problem.file, problem.health);
  const aside = `${problem.file}.damaged-0`;
  fs.renameSync(problem.file, aside);
  return aside;
}

function threadLogs(dataDir: string): Array<{ threadId: string; file: string }> {
  const threadsDir = path.join(dataDir, "threads");
  const names = fs.existsSync(threadsDir) ? fs.readdirSync(threadsDir).sort() : [];
  return names.flatMap((name) => {
    const threadId = threadIdFromDirName(name);
    const file = path.join(threadsDir, name, LOG_FILE_NAME);
    return threadId !== undefined && fs.existsSync(file) ? [{ threadId, file }] : [];
  });
}

function listedThreads(dataDir: string): Set<string> {
  const listed = new Set<string>();
  for (const record of readRecords(path.join(dataDir, "threads.jsonl"), isThreadRecord)) {
    if ("put" in record) listed.add(record.put.thread_id);
    else listed.delete(record.delete);
  }
  return listed;
}
