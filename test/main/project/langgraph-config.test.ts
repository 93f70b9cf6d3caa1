import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LangGraphConfigError, readProjectConfig, defaultAssistantConfigs } from "../../../main/project/langgraph-config";
import { isIgnoredChange } from "../../../main/project/project-watch";

const ROOT = resolve(import.meta.dirname, "../../..");
const FIXTURE = join(ROOT, "test/fixtures/code-project");

function tempProject(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-project-"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe("langgraph.json", () => {
  it("reads graphs (string and {path} forms, default export), env from a file and dependencies", () => {
    const config = readProjectConfig(join(FIXTURE, "langgraph.json"));
    expect(config.graphs.find((graph) => graph.graphId === "agent")).toEqual({ graphId: "agent", spec: "./src/agent.ts:graph", file: join(FIXTURE, "src/agent.ts"), exportName: "graph" });
    expect(config.graphs.find((graph) => graph.graphId === "review")?.description).toContain("interrupt()");
    expect(config.env).toEqual({ FIXTURE_WEATHER: "sunny and 21 degrees" });
    expect(config.dependencies).toEqual(["."]);
  });

  it("names what is wrong with a broken file", () => {
    const project = tempProject({ "langgraph.json": '{"graphs": {"a": 3}}', "bad.json": "{", "env.json": '{"graphs": {}, "env": "missing.env"}' });
    try {
      expect(() => readProjectConfig(join(project.dir, "langgraph.json"))).toThrow(/graphs\.a: must be/);
      expect(() => readProjectConfig(join(project.dir, "bad.json"))).toThrow(LangGraphConfigError);
      expect(() => readProjectConfig(join(project.dir, "env.json"))).toThrow(/missing\.env/);
      expect(() => readProjectConfig(join(project.dir, "nope.json"))).toThrow(/cannot read it/);
    } finally {
      project.remove();
    }
  });

  it("reads inline env and LANGGRAPH_CONFIG defaults", () => {
    const project = tempProject({ "langgraph.json": '{"graphs": {"g": "./g.ts"}, "env": {"A": "1", "B": 2}}' });
    try {
      const config = readProjectConfig(join(project.dir, "langgraph.json"));
      expect(config.env).toEqual({ A: "1", B: "2" });
      expect(config.graphs[0]).toMatchObject({ exportName: "default", file: join(project.dir, "g.ts") });
    } finally {
      project.remove();
    }
    expect(defaultAssistantConfigs({ LANGGRAPH_CONFIG: '{"g": {"configurable": {"x": 1}, "context": {"y": 2}}}' })).toEqual({ g: { config: { configurable: { x: 1 } }, context: { y: 2 } } });
  });
});

describe("a code project's files", () => {
  it("resolves the fixture's packages to the repository's node_modules (no node_modules of its own)", () => {
    const require = createRequire(join(FIXTURE, "src/agent.ts"));
    expect(require.resolve("@langchain/langgraph")).toBe(join(ROOT, "node_modules/@langchain/langgraph/dist/index.cjs"));
  });

  it("ignores changes to installed packages, run data and VCS files", () => {
    expect(isIgnoredChange("node_modules/x/index.js")).toBe(true);
    expect(isIgnoredChange(".switchyard/threads.jsonl")).toBe(true);
    expect(isIgnoredChange(".git/index")).toBe(true);
    expect(isIgnoredChange("src/agent.ts")).toBe(false);
  });
});
