import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
export const CODE_PROJECT_FIXTURE = join(ROOT, "test/fixtures/code-project");
/** A project using langgraph.json's http.app and ui, getLogger(), subgraphs and a graph factory. */
export const PLATFORM_PROJECT_FIXTURE = join(ROOT, "test/fixtures/platform-project");

/**
 * A temporary copy of the code-project fixture. In the repository the fixture's packages resolve
 * up the tree to the repository's node_modules; a copy in the temp folder gets a node_modules
 * link to the same folder, so both resolve alike (Node follows the link to the real path).
 */
export function makeCodeProject(fixture = CODE_PROJECT_FIXTURE): { dir: string; config: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-code-"));
  cpSync(fixture, dir, { recursive: true, filter: (source) => !source.includes(".switchyard") });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, config: join(dir, "langgraph.json"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
