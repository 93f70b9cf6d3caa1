#!/usr/bin/env node
// Runs every test suite (vitest, then Playwright) and ends with one plain summary line:
// "N passed, N failed, N skipped", summed over both runners. Exit code 1 on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const resultsDir = join(root, "out", "test-results");
const onlyUnit = process.argv.includes("--unit");
const onlyE2e = process.argv.includes("--e2e");
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let anyFailure = false;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

if (!onlyE2e) {
  const report = join(resultsDir, "vitest.json");
  rmSync(report, { force: true });
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson(report);
  if (json) {
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  }
  if (status !== 0 || !json) {
    anyFailure = true;
    if (!json) totals.failed += 1;
  }
}

if (!onlyUnit && existsSync(join(root, "playwright.config.ts"))) {
  const report = join(resultsDir, "playwright.json");
  rmSync(report, { force: true });
  const status = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const stats = readJson(report)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  }
  if (status !== 0 || !stats) {
    anyFailure = true;
    if (!stats) totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(anyFailure || totals.failed > 0 ? 1 : 0);
