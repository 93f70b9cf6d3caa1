#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so a clone works without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../main/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
