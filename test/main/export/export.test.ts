import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidGraphError } from "../../../main/engine";
import { exportGraphDoc, UnknownExportLanguageError } from "../../../main/export";
import { TS_DEPENDENCIES, TS_DEV_DEPENDENCIES, TS_MCP_DEPENDENCIES, TS_PROVIDER_DEPENDENCIES } from "../../../main/export/ts-project";
import type { GraphDoc } from "../../../shared/graph-doc";
import { loadSeedDoc, repoRoot } from "../../helpers/seed";
import { fileOf, loadKitchenDoc, providerDoc } from "./fixtures";

describe("export to code", () => {
  it.each(["ts", "python"] as const)("is deterministic: the same document gives byte-identical %s files", (lang) => {
    for (const load of [loadSeedDoc, loadKitchenDoc]) {
      const first = exportGraphDoc(load(), lang);
      const second = exportGraphDoc(structuredClone(load()), lang);
      expect(second).toEqual(first);
      expect(second.map((file) => file.content).join("\0")).toBe(first.map((file) => file.content).join("\0"));
    }
  });

  it("writes a LangGraph.js project: graph module, support module, langgraph.json, package.json, tsconfig, README", () => {
    const files = exportGraphDoc(loadSeedDoc(), "ts");
    expect(files.map((file) => file.path)).toEqual(["README.md", "langgraph.json", "package.json", "src/graph.ts", "src/support.ts", "tsconfig.json"]);
    expect(JSON.parse(fileOf(files, "langgraph.json")).graphs).toEqual({ agent: "./src/graph.ts:graph" });
    const pkg = JSON.parse(fileOf(files, "package.json"));
    expect(pkg.dependencies).toEqual({ "@langchain/core": "1.4.0", "@langchain/langgraph": "1.7.3", zod: expect.stringMatching(/^4\./) });
    const graph = fileOf(files, "src/graph.ts");
    expect(graph).toContain('.addConditionalEdges("agent", routeAfterAgent, ["ask_human", "action", END])');
    expect(graph).toContain('interruptBefore: ["ask_human"]');
    expect(graph).toContain("export const graph = compileGraph();");
  });

  it("pins the exported packages to the versions Switchyard itself runs on", () => {
    const repo = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const installed = { ...repo.dependencies, ...repo.devDependencies };
    const pinned = { ...TS_DEPENDENCIES, ...TS_DEV_DEPENDENCIES, ...TS_MCP_DEPENDENCIES, ...Object.assign({}, ...Object.values(TS_PROVIDER_DEPENDENCIES)) };
    for (const [name, version] of Object.entries(pinned)) expect(`${name}@${installed[name]}`).toBe(`${name}@${version}`);
  });

  it("writes a LangGraph Python project: graph.py, langgraph.json, pyproject.toml, README", () => {
    const files = exportGraphDoc(loadSeedDoc(), "python");
    expect(files.map((file) => file.path)).toEqual(["README.md", "graph.py", "langgraph.json", "pyproject.toml"]);
    expect(JSON.parse(fileOf(files, "langgraph.json")).graphs).toEqual({ agent: "./graph.py:graph" });
    expect(fileOf(files, "pyproject.toml")).toMatch(/"langgraph>=1\.0,<2"/);
    expect(fileOf(files, "graph.py")).toContain('builder.add_conditional_edges("agent", route_after_agent, ["ask_human", "action", END])');
  });

  it.each([
    ["openai", "ChatOpenAI", "@langchain/openai", "OPENAI_API_KEY", "langchain-openai"],
    ["anthropic", "ChatAnthropic", "@langchain/anthropic", "ANTHROPIC_API_KEY", "langchain-anthropic"],
    ["ollama", "ChatOllama", "@langchain/ollama", "OLLAMA_HOST", "langchain-ollama"],
  ] as const)("exports a %s model as its LangChain class with the key from the environment", (provider, className, npmPackage, env, pyPackage) => {
    const doc = providerDoc(provider, { model: "some-model", temperature: 0.5 });
    const ts = exportGraphDoc(doc, "ts");
    const graph = fileOf(ts, "src/graph.ts");
    expect(graph).toContain(`import { ${className} } from "${npmPackage}";`);
    expect(graph).toContain(`new ${className}({ model: "some-model", temperature: 0.5 })`);
    expect(graph).toContain(`.bindTools([searchTool, askHumanTool]).invoke(`);
    expect(graph).toContain(env);
    expect(graph).not.toContain("ScriptedChatModel");
    expect(Object.keys(JSON.parse(fileOf(ts, "package.json")).dependencies)).toContain(npmPackage);
    const py = exportGraphDoc(doc, "python");
    expect(fileOf(py, "graph.py")).toContain(`${className}(model="some-model", temperature=0.5)`);
    expect(fileOf(py, "pyproject.toml")).toContain(pyPackage);
  });

  it("carries the node's retries and time limit, caps Anthropic's temperature, and lets a compatible server go without a key", () => {
    const anthropic = fileOf(exportGraphDoc(providerDoc("anthropic", { model: "c", temperature: 1.5, maxRetries: 1, timeoutMs: 5000 }), "ts"), "src/graph.ts");
    expect(anthropic).toContain('new ChatAnthropic({ model: "c", temperature: 1, maxRetries: 1, clientOptions: { timeout: 5000 } })');
    const local = providerDoc("openai", { model: "m", baseUrl: "http://127.0.0.1:8080/v1" });
    expect(fileOf(exportGraphDoc(local, "ts"), "src/graph.ts")).toContain('apiKey: process.env.OPENAI_API_KEY ?? "no-key-needed"');
    expect(fileOf(exportGraphDoc(local, "python"), "graph.py")).toContain('api_key=os.environ.get("OPENAI_API_KEY", "no-key-needed")');
    expect(fileOf(exportGraphDoc(providerDoc("openai", { model: "m" }), "ts"), "src/graph.ts")).not.toContain("no-key-needed");
  });

  it("never writes a key into the export", () => {
    const previous = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = "sk-secret-from-env";
    try {
      const files = [...exportGraphDoc(providerDoc("openai", { model: "m" }), "ts"), ...exportGraphDoc(providerDoc("openai", { model: "m" }), "python")];
      for (const file of files) expect(file.content).not.toContain("sk-secret-from-env");
    } finally {
      if (previous === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = previous;
    }
  });

  it("keeps code nodes and code tools as their JavaScript: verbatim in src/code.js, a comment to port in graph.py", () => {
    const ts = exportGraphDoc(loadKitchenDoc(), "ts");
    const code = fileOf(ts, "src/code.js");
    expect(code).toContain("export const tallyCode = ((state) => ({\n  // How many messages and notes so far");
    expect(code).toContain("export const scoreCode = ((args) => ({ score: args.n * 2 })\n);");
    expect(fileOf(ts, "src/code.d.ts")).toContain("export declare const tallyCode: (state: any) => unknown;");
    expect(fileOf(ts, "src/graph.ts")).toContain("return ((await tallyCode(stateAsJson(state))) ?? {}) as Update;");
    const py = exportGraphDoc(loadKitchenDoc(), "python");
    expect(fileOf(py, "graph.py")).toContain('    #   (args) => ({ score: args.n * 2 })\n    raise NotImplementedError(');
    expect(fileOf(py, "README.md")).toContain("To port by hand: tool `score`, node `tally` ran JavaScript");
  });

  it("gives clashing node and tool names distinct identifiers", () => {
    const doc = loadSeedDoc();
    const clash = { ...doc, nodes: [...doc.nodes, { id: "agent_", kind: "set", position: { x: 0, y: 0 }, config: { values: {} } }], edges: [...doc.edges, { id: "x", source: "agent_", target: "__end__" }] } as GraphDoc;
    clash.edges.push({ id: "y", source: "action", target: "agent_" });
    const graph = fileOf(exportGraphDoc(clash, "ts"), "src/graph.ts");
    expect(graph).toContain('.addNode("agent", agentNode)');
    expect(graph).toContain('.addNode("agent_", agentNode2)');
  });

  it("refuses a document Switchyard could not run, and an unknown language", () => {
    const doc = loadSeedDoc();
    const broken = { ...doc, entry: "missing" };
    expect(() => exportGraphDoc(broken, "ts")).toThrow(InvalidGraphError);
    expect(() => exportGraphDoc(doc, "go" as never)).toThrow(UnknownExportLanguageError);
  });
});
