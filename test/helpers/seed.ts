import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseGraphJson } from "../../shared/graph-parse";
import type { GraphDoc } from "../../shared/graph-doc";

export const repoRoot = new URL("../..", import.meta.url).pathname;
export const seedWorkspace = join(repoRoot, "examples", "weather-agent");
export const SEED_QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";
export const SUNNY = "It's sunny in San Francisco, but you better look out if you're a Gemini";

export function loadSeedDoc(): GraphDoc {
  const parsed = parseGraphJson(readFileSync(join(seedWorkspace, "agent.graph.json"), "utf8"));
  if (!parsed.ok) throw new Error(`seed graph is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.doc;
}

/** A throw-away copy of a workspace (the seed's by default); remove it with the returned cleanup. */
export function tempWorkspace(from = seedWorkspace): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-ws-"));
  cpSync(from, dir, { recursive: true, filter: (source) => !source.includes(".switchyard") });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
