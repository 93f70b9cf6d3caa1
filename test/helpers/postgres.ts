import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./seed";

export type TestPostgres = { url: string; stop: () => void; skipReason?: undefined } | { skipReason: string; url?: undefined; stop?: undefined };

const SCRIPT = join(repoRoot, "scripts/postgres-for-tests.sh");

/**
 * The PostgreSQL the Postgres tests run against: SWITCHYARD_TEST_POSTGRES_URL (set by .ci/run
 * through scripts/postgres-for-tests.sh), else a private cluster this test file starts with the
 * same script (without installing anything) and stops at the end. When neither works the
 * reason is printed and the tests are skipped, never silently (SWITCHYARD_TEST_POSTGRES_URL=off skips them on purpose).
 */
export function testPostgres(file: string): TestPostgres {
  const fromEnv = process.env.SWITCHYARD_TEST_POSTGRES_URL;
  if (fromEnv === "off") return skip(file, "SWITCHYARD_TEST_POSTGRES_URL=off");
  if (fromEnv) return { url: fromEnv, stop: () => {} };
  const started = spawnSync("bash", [SCRIPT, "--no-install"], { encoding: "utf8", timeout: 60_000 });
  const url = started.stdout?.trim().split("\n").at(-1);
  if (started.status !== 0 || !url?.startsWith("postgres://")) {
    const reason = (started.stderr || started.error?.message || "unknown failure").trim().split("\n").at(-1);
    return skip(file, `no PostgreSQL for the tests (SWITCHYARD_TEST_POSTGRES_URL is not set and ${SCRIPT} could not start one: ${reason})`);
  }
  const dir = /stop (\S+)\)/.exec(started.stderr)?.[1];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync("bash", [SCRIPT, "stop", ...(dir ? [dir] : [])], { encoding: "utf8", timeout: 30_000 });
  };
  // Also when the test process ends without running afterAll (a timeout, an interrupted run).
  process.once("exit", stop);
  return { url, stop };
}

function skip(file: string, skipReason: string): TestPostgres {
  console.warn(`SKIPPED ${file}: ${skipReason}`);
  return { skipReason };
}
