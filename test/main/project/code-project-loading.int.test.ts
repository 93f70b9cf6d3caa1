import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

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

/** Loads a project in a Node process with tsx, as `switchyard serve` does (spawns a process). */
function probe(request: object): any {
  const output = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "test/main/project/load-probe.ts"), JSON.stringify(request)], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

const GRAPH = `import { Annotation, StateGraph, START, END } from "@langchain/langgraph";
import { word } from "./word";
const State = Annotation.Root({ n: Annotation<number>, text: Annotation<string> });
export const builder = new StateGraph(State).addNode("inc", (s: typeof State.State) => ({ n: s.n + 1, text: word })).addEdge(START, "inc").addEdge("inc", END);
export default builder.compile();
export const make = (config: { configurable?: { step?: number } }) =>
  new StateGraph(State).addNode("add", (s: typeof State.State) => ({ n: s.n + (config.configurable?.step ?? 1) })).addEdge(START, "add").addEdge("add", END).compile();
export const notAGraph = 1;
`;

describe("loading a code project's modules", () => {
  it("loads compiled graphs, StateGraphs and factories; reports syntax errors and non-graphs with file and line; reloads imported files too", () => {
    const project = tempProject({
      "langgraph.json": JSON.stringify({ graphs: { compiled: "./src/graph.ts", builder: "./src/graph.ts:builder", factory: "./src/graph.ts:make", typo: "./src/typo.ts:graph", notgraph: "./src/graph.ts:notAGraph" } }),
      "src/graph.ts": GRAPH,
      "src/word.ts": `export const word = "one";\n`,
      "src/typo.ts": "export const graph = {\n  a: 1,,\n};\n",
    });
    try {
      const result = probe({
        config: join(project.dir, "langgraph.json"),
        invoke: [
          { graphId: "compiled", input: { n: 1 } },
          { graphId: "builder", input: { n: 1 } },
          { graphId: "factory", input: { n: 1 }, configurable: { step: 10 } },
        ],
        rewrite: { [join(project.dir, "src/word.ts")]: `export const word = "two";\n` },
      });
      expect(result.first.graphs).toMatchObject({ compiled: "ok", builder: "ok", factory: "ok" });
      expect(result.first.graphs.typo).toMatchObject({ message: expect.stringContaining("syntax error"), file: join(project.dir, "src/typo.ts"), line: 2 });
      expect(result.first.graphs.notgraph.message).toMatch(/not a LangGraph graph/);
      expect(result.first.results.map((call: { output: unknown }) => call.output)).toEqual([{ n: 2, text: "one" }, { n: 2, text: "one" }, { n: 11 }]);
      // The graph is built with the server's own @langchain/langgraph, not a second copy.
      expect(result.first.results[0].sameLangGraph).toBe(true);
      expect(result.second.version).toBe(2);
      expect(result.second.results[0].output).toEqual({ n: 2, text: "two" });
    } finally {
      project.remove();
    }
  });
});
