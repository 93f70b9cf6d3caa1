#!/usr/bin/env node
// The CLI runs its bundle (out/cli, `node scripts/build.js --only cli`) while that is newer than
// the sources, else the TypeScript sources through tsx, so a clone works without a build step.
// SWITCHYARD_FROM_SOURCE=1 always runs the sources.
import { fileURLToPath, pathToFileURL } from "node:url";
import { freshCliBundle } from "../scripts/cli-bundle.js";

const bundle = process.env.SWITCHYARD_FROM_SOURCE === "1" ? undefined : freshCliBundle(fileURLToPath(new URL("..", import.meta.url)));
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../main/cli/index.ts"));
}
process.exitCode = await main(process.argv.slice(2));
