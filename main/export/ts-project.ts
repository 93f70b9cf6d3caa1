import type { ExportedFile } from "./exported-file";
import { ImportSet } from "./imports";
import { NameTable, oneLine, tsString } from "./names";
import { codeParts, subgraphPlansOf, type ExportPlan } from "./plan";
import { tsCompileName, tsSubgraphModule } from "./subgraph-modules";
import { emitTsCode, type TsCodeModule } from "./ts-code";
import { emitTsFanOut, emitTsRouter, tsTarget } from "./ts-edges";
import { emitTsNodes } from "./ts-nodes";
import { emitTsState } from "./ts-state";
import { TS_SUPPORT_MODULE } from "./ts-support";
import { TS_TOOLS_PATH } from "./ts-tool-blocks";
import { TS_TOOLS_MODULE } from "./ts-tools-support";
import { toolKindsOf, toolsReadme } from "./tool-kinds";

/** Exact versions of the exported project's packages: the ones Switchyard itself runs on (a test keeps them equal). */
export const TS_DEPENDENCIES = {
  "@langchain/core": "1.4.0",
  "@langchain/langgraph": "1.7.3",
  zod: "4.6.7",
} as const;

export const TS_PROVIDER_DEPENDENCIES = {
  anthropic: { "@langchain/anthropic": "1.5.11" },
  ollama: { "@langchain/ollama": "1.3.0" },
  openai: { "@langchain/openai": "1.6.0" },
} as const;

/** For graphs with mcp tools: the MCP client (the versions Switchyard's engine uses). */
export const TS_MCP_DEPENDENCIES = {
  "@langchain/mcp-adapters": "1.1.4",
  "@modelcontextprotocol/sdk": "1.32.2",
} as const;

export const TS_DEV_DEPENDENCIES = {
  "@langchain/langgraph-cli": "1.5.1",
  "@types/node": "22.20.7",
  tsx: "4.23.15",
  typescript: "5.9.3",
} as const;

/** Names the graph module declares itself, so node and tool names never shadow them. */
const RESERVED = ["StateAnnotation", "State", "Update", "builder", "compileGraph", "graph", "config", "state", "z", "tool", "END", "START"];

/** A runnable LangGraph.js project: src/graph.ts, src/support.ts, package.json, tsconfig.json, langgraph.json, README.md. */
export function tsProject(plan: ExportPlan): ExportedFile[] {
  const names = namesFor(plan);
  const code = emitTsCode(plan.doc, names);
  return [
    ...subgraphPlansOf(plan).flatMap(subgraphFiles),
    { path: "README.md", content: readme(plan) },
    { path: "langgraph.json", content: json({ node_version: "22", dependencies: ["."], graphs: { [plan.doc.name]: "./src/graph.ts:graph" } }) },
    { path: "package.json", content: packageJson(plan) },
    ...code.files,
    { path: "src/graph.ts", content: graphModule(plan, names, code) },
    { path: "src/support.ts", content: TS_SUPPORT_MODULE },
    ...(toolKindsOf(plan.doc).size > 0 ? [{ path: TS_TOOLS_PATH, content: TS_TOOLS_MODULE }] : []),
    { path: "tsconfig.json", content: json(TSCONFIG) },
  ];
}

/** A graph a subgraph node runs: its own module exporting its compile function (and its own code module). */
function subgraphFiles(plan: ExportPlan): ExportedFile[] {
  const base = tsSubgraphModule(plan.doc.name);
  const names = namesFor(plan, [tsCompileName(plan.doc.name)]);
  const code = emitTsCode(plan.doc, names, `${base}-code`);
  return [...code.files, { path: `src/${base}.ts`, content: graphModule(plan, names, code, tsCompileName(plan.doc.name)) }];
}

/** The module's own names, and the compile functions of the subgraphs it imports, are taken first. */
function namesFor(plan: ExportPlan, own: string[] = []): NameTable {
  return new NameTable([...RESERVED, ...own, ...[...plan.subgraphs.values()].map((child) => tsCompileName(child.doc.name))]);
}

/** `compileName` is set for a subgraph's module: it exports that compile function and no served `graph`. */
function graphModule(plan: ExportPlan, names: NameTable, code: TsCodeModule, compileName?: string): string {
  const imports = new ImportSet();
  const state = emitTsState(plan, imports);
  const { tools, nodes } = emitTsNodes(plan, imports, names, code);
  const routers = plan.routes.map((route) => ({ route, ...emitTsRouter(route, plan, imports, names) }));
  const fanOuts = plan.fanOuts.map((fanOut) => ({ fanOut, ...emitTsFanOut(fanOut, imports, names) }));
  imports.use("@langchain/langgraph", "StateGraph");
  imports.use("@langchain/langgraph", "START");
  imports.use("@langchain/langgraph", "BaseCheckpointSaver", true);

  const chain = [`new StateGraph(StateAnnotation)`];
  for (const node of nodes) chain.push(`.addNode(${tsString(node.id)}, ${node.name})`);
  chain.push(`.addEdge(START, ${tsString(plan.entry)})`);
  for (const source of plan.doc.nodes.map((node) => node.id)) {
    for (const router of routers.filter((candidate) => candidate.route.source === source)) {
      chain.push(`.addConditionalEdges(${tsString(source)}, ${router.name}, [${router.route.targets.map((target) => tsTarget(target, imports)).join(", ")}])`);
    }
    for (const fanOut of fanOuts.filter((candidate) => candidate.fanOut.source === source)) {
      chain.push(`.addConditionalEdges(${tsString(source)}, ${fanOut.name}, [${tsString(fanOut.fanOut.target)}])`);
    }
    for (const edge of plan.edges.filter((candidate) => candidate.source === source)) chain.push(`.addEdge(${tsString(source)}, ${tsTarget(edge.target, imports)})`);
  }
  // A join node runs once all of its incoming branches have finished.
  for (const join of plan.joins) chain.push(`.addEdge([${join.sources.map(tsString).join(", ")}], ${tsString(join.target)})`);

  const sections = [
    `// The "${oneLine(plan.doc.name)}" graph, exported from Switchyard.${plan.doc.description ? `\n// ${oneLine(plan.doc.description)}` : ""}`,
    imports.renderTs(),
    "// ---- state",
    state,
    ...(tools ? ["// ---- tools", tools] : []),
    "// ---- nodes",
    ...nodes.map((node) => node.code).filter(Boolean),
    ...(routers.length || fanOuts.length ? ["// ---- conditional edges", ...routers.map((router) => router.code), ...fanOuts.map((fanOut) => fanOut.code)] : []),
    "// ---- the graph",
    `const builder = ${chain.join("\n  ")};`,
    [
      compileName
        ? "/** Compiles the graph to add as a subgraph node; without a checkpointer it checkpoints in its parent's, under its own namespace. */"
        : "/** Compiles the graph; pass a checkpointer (e.g. new MemorySaver()) to pause, inspect and resume runs yourself. */",
      `export function ${compileName ?? "compileGraph"}(checkpointer?: BaseCheckpointSaver) {`,
      "  return builder.compile({",
      "    checkpointer,",
      `    interruptBefore: [${plan.interruptBefore.map(tsString).join(", ")}],`,
      `    interruptAfter: [${plan.interruptAfter.map(tsString).join(", ")}],`,
      `    name: ${tsString(plan.doc.name)},`,
      "  });",
      "}",
    ].join("\n"),
    ...(compileName ? [] : ["/** What langgraph.json serves (LangGraph Platform supplies the checkpointer). */\nexport const graph = compileGraph();"]),
  ];
  return `${sections.join("\n\n")}\n`;
}

function packageJson(plan: ExportPlan): string {
  const dependencies: Record<string, string> = { ...TS_DEPENDENCIES };
  for (const node of plan.doc.nodes) {
    if (node.kind === "llm" && node.config.provider !== "scripted") Object.assign(dependencies, TS_PROVIDER_DEPENDENCIES[node.config.provider]);
  }
  if (toolKindsOf(plan.doc).size > 0) Object.assign(dependencies, TS_MCP_DEPENDENCIES);
  return json({
    name: packageName(plan.doc.name),
    version: "0.1.0",
    private: true,
    description: plan.doc.description ?? `The ${plan.doc.name} graph, exported from Switchyard`,
    type: "module",
    scripts: { dev: "langgraphjs dev", typecheck: "tsc --noEmit" },
    dependencies: sortKeys(dependencies),
    devDependencies: { ...TS_DEV_DEPENDENCIES },
  });
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    types: ["node"],
    outDir: "dist",
  },
  include: ["src"],
};

function readme(plan: ExportPlan): string {
  const name = plan.doc.name;
  const providers = [...new Set(plan.doc.nodes.flatMap((node) => (node.kind === "llm" ? [node.config.provider] : [])))].sort();
  const keys = providers.filter((provider) => provider === "openai" || provider === "anthropic").map((provider) => `${provider.toUpperCase()}_API_KEY`);
  const pauses = plan.interruptBefore.length ? `\nThe graph pauses before ${plan.interruptBefore.map((id) => `\`${id}\``).join(", ")}: answer with \`graph.updateState(config, values, "<node>")\` and continue with \`graph.stream(null, config)\`.\n` : "";
  return `# ${name}

${plan.doc.description ? `${plan.doc.description}\n\n` : ""}The \`${name}\` graph, exported from Switchyard as a LangGraph.js project.

- \`src/graph.ts\`: the state schema, one function per node, the conditional edges and the compiled \`graph\`
- \`src/support.ts\`: templates, message rules${providers.includes("scripted") ? " and the scripted chat model (canned replies, so the project runs offline)" : ""}
${codeParts(plan.doc).length ? `- \`src/code.js\`: the JavaScript of ${codeParts(plan.doc).join(", ")}, as written in Switchyard (here it runs as ordinary code, without Switchyard's sandbox limits)\n` : ""}- \`langgraph.json\`: serves \`graph\` as \`${name}\` with \`npx @langchain/langgraph-cli dev\` or on LangGraph Platform
${toolsReadme(plan.doc, "src/tools.ts")}${keys.length ? `\nSet ${keys.map((key) => `\`${key}\``).join(" and ")} in the environment (or in a \`.env\` file) before running.\n` : ""}
## Run

\`\`\`sh
npm install
npm run dev          # LangGraph dev server on http://localhost:2024
\`\`\`

Or use the graph directly:

\`\`\`ts
import { MemorySaver } from "@langchain/langgraph";
import { compileGraph } from "./src/graph.js";

const graph = compileGraph(new MemorySaver());
const config = { configurable: { thread_id: "1" } };
for await (const update of await graph.stream(${inputExample(plan)}, { ...config, streamMode: "updates" })) console.log(update);
\`\`\`
${pauses}`;
}

function inputExample(plan: ExportPlan): string {
  return `{ ${plan.messagesField}: [{ role: "user", content: "Hello" }] }`;
}

export function packageName(graphName: string): string {
  const slug = graphName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|-+$/g, "");
  return `${slug || "graph"}-langgraph`;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
