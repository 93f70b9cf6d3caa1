// Where the Electron binary of node_modules/electron is, found without downloading it.
//
// Since Electron 42 the electron package has no postinstall download: its index.js downloads the
// binary the first time it is required, with no time limit and whatever ELECTRON_SKIP_BINARY_DOWNLOAD
// says. So nothing here requires "electron" from Node: we read the files index.js reads (path.txt,
// dist/, ELECTRON_OVERRIDE_DIST_PATH) and report a missing binary with the reason.
//
//   node scripts/electron-binary.js     prints the binary's path (exit 0) or why there is none (exit 1)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The executable's path inside an Electron distribution folder, as electron's install.js names it. */
function platformExecutable(platform) {
  if (platform === "darwin" || platform === "mas") return "Electron.app/Contents/MacOS/Electron";
  if (platform === "win32") return "electron.exe";
  return "electron";
}

/** `{ path }` of the Electron executable, or `{ reason }` it is not there. Never downloads. */
export function findElectronBinary({ env = process.env, packageDir = join(root, "node_modules/electron"), platform = process.platform } = {}) {
  if (!existsSync(join(packageDir, "package.json"))) return { reason: "the electron package is not installed (run npm install)" };
  const pathFile = join(packageDir, "path.txt");
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded || platformExecutable(platform));
    return existsSync(path) ? { path } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${path} does not exist` };
  }
  if (!recorded) return { reason: "the Electron binary is not installed (node_modules/electron has no dist/)" };
  const path = join(packageDir, "dist", recorded);
  return existsSync(path) ? { path } : { reason: `the Electron binary is missing (expected at ${path})` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findElectronBinary();
  if (found.path) console.log(found.path);
  else console.error(found.reason);
  process.exit(found.path ? 0 : 1);
}
