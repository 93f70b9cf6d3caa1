import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ExportedFile } from "../../../main/export";
import type { GraphDoc } from "../../../shared/graph-doc";
import { parseGraphJson } from "../../../shared/graph-parse";
import { loadSeedDoc, repoRoot } from "../../helpers/seed";

/** Every node kind, rule and reducer the export knows, on a messages field called "chat". */
export function loadKitchenDoc(): GraphDoc {
  const parsed = parseGraphJson(readFileSync(join(repoRoot, "test/fixtures/export/kitchen.graph.json"), "utf8"));
  if (!parsed.ok) throw new Error(`kitchen graph is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.doc;
}

export const supportWorkspace = join(repoRoot, "examples/support-router");

/** The support router example: structured output, an http tool and an mcp tool. */
export function loadSupportDoc(): GraphDoc {
  const parsed = parseGraphJson(readFileSync(join(supportWorkspace, "support.graph.json"), "utf8"));
  if (!parsed.ok) throw new Error(`support graph is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.doc;
}

/** The seed with its model switched to a real provider. */
/** The research-team example: a for-each into the researcher subgraph (a human approval inside), a fork and a join. */
export function loadComposeDocs(): { doc: GraphDoc; graphs: Map<string, GraphDoc> } {
  const load = (name: string) => {
    const parsed = parseGraphJson(readFileSync(join(repoRoot, `examples/research-team/${name}.graph.json`), "utf8"));
    if (!parsed.ok) throw new Error(`${name} graph is invalid: ${JSON.stringify(parsed.problems)}`);
    return parsed.doc;
  };
  const graphs = new Map([["supervisor", load("supervisor")], ["researcher", load("researcher")]]);
  return { doc: graphs.get("supervisor")!, graphs };
}

export function providerDoc(provider: "openai" | "anthropic" | "ollama", extra: Record<string, unknown> = {}): GraphDoc {
  const doc = loadSeedDoc();
  return {
    ...doc,
    nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider, replies: [], ...extra } } : node)),
  } as GraphDoc;
}

/**
 * Writes an exported project into a fresh temp folder whose node_modules is a link to the
 * repo's, so it type-checks and runs without an install.
 */
export function writeProject(files: ExportedFile[], linkNodeModules = true, into?: string): { dir: string; remove: () => void } {
  const dir = into ?? mkdtempSync(join(tmpdir(), "switchyard-export-"));
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  if (linkNodeModules) symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fileOf(files: ExportedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((candidate) => candidate.path).join(", ")}`);
  return file.content;
}
