import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGraphJson } from "../../shared/graph-parse";
import { semanticProblems } from "../../shared/graph-validate";
import { repoRoot } from "../helpers/seed";

const example = join(repoRoot, "examples/support-router");

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/switchyard.js"), ...args], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

// The example runs in place: its MCP server imports the SDK from the repository's node_modules.
describe("examples/support-router", () => {
  it("is a valid router graph: structured output routes billing / tech, tech has an http and an mcp tool", () => {
    const parsed = parseGraphJson(readFileSync(join(example, "support.graph.json"), "utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const doc = parsed.doc;
    expect(semanticProblems(doc)).toEqual([]);
    const classify = doc.nodes.find((node) => node.id === "classify")!;
    expect(classify.kind === "llm" && classify.config.outputFields).toEqual([expect.objectContaining({ name: "route", enum: ["billing", "tech"] })]);
    const tools = doc.nodes.find((node) => node.id === "tech_tools")!;
    expect(tools.kind === "tools" && tools.config.tools.map((tool) => tool.kind)).toEqual(["http", "mcp"]);
  });

  it("passes its flow tests offline with `switchyard test`", async () => {
    const result = await run(["test", "--workspace", example, "--reporter", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { passed: number; failed: number; errors: number } };
    expect(report.summary).toMatchObject({ passed: 2, failed: 0, errors: 0 });
  });
});
