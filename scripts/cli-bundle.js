// Whether out/cli (scripts/build.js --only cli) may run in place of the TypeScript sources:
// it exists and is newer than every file it was built from. bin/switchyard.js asks on each start
// (a walk of about 500 files' times: a few ms), so an edited source is never shadowed by a stale bundle.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the CLI bundle is built from, relative to the repository root. */
export const CLI_SOURCES = ["main", "shared", "package.json"];

/** The bundle's entry when it is fresh, else undefined. */
export function freshCliBundle(root) {
  const entry = join(root, "out/cli/index.js");
  const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return undefined;
  for (const source of CLI_SOURCES) if (newerThan(join(root, source), built)) return undefined;
  return entry;
}

function newerThan(path, time) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return false;
  if (info.mtimeMs > time) return true;
  if (!info.isDirectory()) return false;
  return readdirSync(path).some((entry) => entry !== "node_modules" && !entry.startsWith(".") && newerThan(join(path, entry), time));
}

