import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportGraphDoc } from "../../../main/export";
import { loadSeedDoc, repoRoot, seedWorkspace } from "../../helpers/seed";

function switchyard(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin/switchyard.js"), ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Spawns the CLI. */
describe("switchyard export", () => {
  let out: string;
  beforeAll(() => (out = mkdtempSync(join(tmpdir(), "switchyard-export-cli-"))));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes the TypeScript and Python projects, the same files the exporter gives", () => {
    for (const lang of ["ts", "python"] as const) {
      const dir = join(out, lang);
      const result = switchyard(["export", join(seedWorkspace, "agent.graph.json"), "--lang", lang, "--out", dir]);
      expect(result.code, result.stderr).toBe(0);
      const expected = exportGraphDoc(loadSeedDoc(), lang);
      for (const file of expected) expect(readFileSync(join(dir, file.path), "utf8")).toBe(file.content);
      expect(result.stdout).toContain(expected[0].path);
    }
    expect(readdirSync(join(out, "ts", "src")).sort()).toEqual(["graph.ts", "support.ts"]);
  });

  it("exports a graph with mcp tools with its workspace's mcp.json and the tools module", () => {
    const example = join(repoRoot, "examples/support-router");
    for (const [lang, toolsFile] of [["ts", "src/tools.ts"], ["python", "switchyard_tools.py"]] as const) {
      const dir = join(out, `support-${lang}`);
      const result = switchyard(["export", join(example, "support.graph.json"), "--lang", lang, "--out", dir]);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(dir, "mcp.json"), "utf8")).toBe(readFileSync(join(example, "mcp.json"), "utf8"));
      expect(readFileSync(join(dir, toolsFile), "utf8")).toContain("MCP_CONFIG");
      expect(result.stdout).toContain("  mcp.json");
    }
    expect(readFileSync(join(out, "support-ts", "package.json"), "utf8")).toContain('"@langchain/mcp-adapters": "1.1.4"');
  });

  it("says what is wrong with its arguments (exit 2)", () => {
    const noLang = switchyard(["export", join(seedWorkspace, "agent.graph.json")]);
    expect(noLang.code).toBe(2);
    expect(noLang.stderr).toContain("--lang: choose one of ts, python");
  });
});
