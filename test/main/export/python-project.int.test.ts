import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { exportGraphDoc } from "../../../main/export";
import { END, START, type GraphDoc } from "../../../shared/graph-doc";
import { loadSeedDoc, repoRoot } from "../../helpers/seed";
import { fileOf, loadComposeDocs, loadKitchenDoc, loadSupportDoc, providerDoc, writeProject } from "./fixtures";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const hasPython = python.status === 0;
if (!hasPython) console.warn(`skipping the Python export checks: python3 is not available (${python.error?.message ?? python.stderr})`);

/** What the document says the Python graph must be: its structure, read straight from the document. */
function expectedStructure(doc: GraphDoc) {
  const conditionalSources = [...new Set(doc.edges.filter((edge) => edge.when).map((edge) => edge.source))];
  return {
    nodes: doc.nodes.map((node) => node.id).sort(),
    edges: [[START, doc.entry], ...doc.edges.filter((edge) => !edge.when).map((edge) => [edge.source, edge.target])].sort(),
    conditional: conditionalSources.map((source) => {
      const targets = [...new Set(doc.edges.filter((edge) => edge.source === source && edge.when).map((edge) => edge.target))];
      return { source, targets: [...targets].sort(), returns: [...targets].sort() };
    }),
    interrupt_before: doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id),
    interrupt_after: doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id),
    interrupt_nodes: doc.nodes.filter((node) => node.kind === "human" && node.config.mode === "interrupt").map((node) => node.id),
  };
}

/** Spawns python3: py_compile, then the ast module reads the graph's structure back (PyPI is out of reach, so it is not run). */
describe.skipIf(!hasPython)("an exported Python project", () => {
  it.each([
    ["seed", loadSeedDoc],
    ["kitchen", loadKitchenDoc],
    ["anthropic", () => providerDoc("anthropic", { model: "claude-x", maxTokens: 50 })],
    ["support router (structured output, http and mcp tools)", loadSupportDoc],
    ["awkward text", () => ({ ...loadSeedDoc(), name: 'a"""b\\x', description: 'C:\\xyz """ done\nsecond line */' })],
  ] as const)("compiles and has the %s graph's nodes, edges, routers and interrupt points", (_name, load) => {
    const doc = load();
    const project = writeProject(exportGraphDoc(doc, "python"), false);
    try {
      const graphFile = join(project.dir, "graph.py");
      const compiled = spawnSync("python3", ["-m", "py_compile", graphFile], { encoding: "utf8" });
      expect(compiled.status, compiled.stderr).toBe(0);
      const toolsFile = join(project.dir, "switchyard_tools.py");
      if (existsSync(toolsFile)) expect(spawnSync("python3", ["-m", "py_compile", toolsFile], { encoding: "utf8" }).stderr).toBe("");
      const parsed = spawnSync("python3", [join(repoRoot, "test/main/export/py-structure.py"), graphFile], { encoding: "utf8" });
      expect(parsed.status, parsed.stderr).toBe(0);
      const structure = JSON.parse(parsed.stdout);
      const expected = expectedStructure(doc);
      expect(Object.keys(structure.nodes).sort()).toEqual(expected.nodes);
      expect(structure.defined.sort()).toEqual(expected.nodes);
      expect(structure.edges.sort()).toEqual(expected.edges);
      expect(structure.conditional.map((route: { source: string; targets: string[]; returns: string[] }) => ({ ...route, targets: [...route.targets].sort() }))).toEqual(expected.conditional);
      expect(structure.compile).toEqual({ interrupt_before: expected.interrupt_before, interrupt_after: expected.interrupt_after, name: doc.name });
      expect(structure.interrupt_nodes).toEqual(expected.interrupt_nodes);
      expect(END).toBe("__end__");
    } finally {
      project.remove();
    }
  });

  it("writes a subgraph as its own module, a join as add_edge([...]) and a for-each as Send per item (research-team)", () => {
    const { doc, graphs } = loadComposeDocs();
    const files = exportGraphDoc(doc, "python", graphs);
    const project = writeProject(files, false);
    try {
      for (const module of ["graph.py", "subgraph_researcher.py"]) {
        const compiled = spawnSync("python3", ["-m", "py_compile", join(project.dir, module)], { encoding: "utf8" });
        expect(compiled.status, compiled.stderr).toBe(0);
      }
      const graph = fileOf(files, "graph.py");
      expect(graph).toContain("from subgraph_researcher import build_researcher_graph");
      expect(graph).toContain(`builder.add_node("research", build_researcher_graph())`);
      expect(graph).toContain(`builder.add_edge(["search_news", "search_papers", "search_web"], "writer")`);
      expect(graph).toContain(`builder.add_conditional_edges("plan", for_each_topics_to_research, ["research"])`);
      expect(graph).toContain(`return [Send("research", {**state, "topic": item}) for item in state.get("topics") or []]`);
      const researcher = fileOf(files, "subgraph_researcher.py");
      expect(researcher).toContain("def build_researcher_graph(checkpointer: Any = None):");
      expect(researcher).toContain(`interrupt_before=["approve"]`);
      expect(researcher).not.toContain("graph = build_graph()");
      expect(fileOf(files, "pyproject.toml")).toContain(`py-modules = ["graph", "subgraph_researcher"]`);
    } finally {
      project.remove();
    }
  });
});
