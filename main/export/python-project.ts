import type { ExportedFile } from "./exported-file";
import { ImportSet } from "./imports";
import { NameTable, oneLine, pyString } from "./names";
import { codeParts, subgraphPlansOf, type ExportPlan } from "./plan";
import { emitPyFanOut, emitPyRouter, pyTarget } from "./py-edges";
import { pyBuildName, pySubgraphModule } from "./subgraph-modules";
import { emitPyNodes } from "./py-nodes";
import { emitPyState } from "./py-state";
import { PY_SUPPORT_SECTION } from "./py-support";
import { PY_TOOLS_MODULE, PY_TOOLS_PATH } from "./py-tools-support";
import { toolKindsOf, toolsReadme } from "./tool-kinds";
import { json, packageName } from "./ts-project";

export const PY_DEPENDENCIES = ["langchain-core>=1.0,<2", "langgraph>=1.0,<2", "pydantic>=2"];
export const PY_PROVIDER_DEPENDENCIES = { anthropic: "langchain-anthropic>=1.0,<2", ollama: "langchain-ollama>=1.0,<2", openai: "langchain-openai>=1.0,<2" } as const;

/** Names graph.py defines itself (support section, state, builder), so node and tool names never shadow them. */
const RESERVED = [
  "State", "builder", "build_graph", "graph", "json", "os", "re", "uuid", "message_text", "message_role", "calls_tool", "has_tool_calls",
  "last_message_contains", "last_message_from", "same_json", "ai_turns", "pending_tool_call", "render_template", "to_number",
  "to_boolean", "to_list", "to_value", "append_values", "sum_values", "merge_values", "replace_value", "ScriptedChatModel",
  "check_structured_answer", "run_http_tool", "run_mcp_tool", "mcp_binding",
];

/** A LangGraph (Python) project: graph.py, langgraph.json, pyproject.toml, README.md. */
export function pythonProject(plan: ExportPlan): ExportedFile[] {
  const children = subgraphPlansOf(plan);
  return [
    ...children.map((child) => ({ path: `${pySubgraphModule(child.doc.name)}.py`, content: graphModule(child, pyBuildName(child.doc.name)) })),
    { path: "README.md", content: readme(plan) },
    { path: "graph.py", content: graphModule(plan) },
    { path: "langgraph.json", content: json({ python_version: "3.11", dependencies: ["."], graphs: { [plan.doc.name]: "./graph.py:graph" } }) },
    { path: "pyproject.toml", content: pyproject(plan, children.map((child) => pySubgraphModule(child.doc.name))) },
    ...(toolKindsOf(plan.doc).size > 0 ? [{ path: PY_TOOLS_PATH, content: PY_TOOLS_MODULE }] : []),
  ];
}

/** `buildName` is set for a subgraph's module: it defines that build function and no served `graph`. */
function graphModule(plan: ExportPlan, buildName?: string): string {
  const imports = new ImportSet();
  for (const name of ["json", "re", "uuid"]) imports.use(name, "*module");
  for (const name of ["Any", "Optional"]) imports.use("typing", name);
  imports.use("langchain_core.language_models.chat_models", "BaseChatModel");
  imports.use("langchain_core.messages", "AIMessage");
  imports.use("langchain_core.outputs", "ChatGeneration");
  imports.use("langchain_core.outputs", "ChatResult");
  imports.use("langgraph.graph", "StateGraph");
  imports.use("langgraph.graph", "START");
  const names = new NameTable([...RESERVED, ...(buildName ? [buildName] : []), ...[...plan.subgraphs.values()].map((child) => pyBuildName(child.doc.name))]);
  const state = emitPyState(plan, imports);
  const { tools, nodes } = emitPyNodes(plan, imports, names);
  const routers = plan.routes.map((route) => ({ route, ...emitPyRouter(route, plan, imports, names) }));
  const fanOuts = plan.fanOuts.map((fanOut) => ({ fanOut, ...emitPyFanOut(fanOut, imports, names) }));

  const wiring = ["builder = StateGraph(State)"];
  for (const node of nodes) wiring.push(`builder.add_node(${pyString(node.id)}, ${node.name})`);
  wiring.push(`builder.add_edge(START, ${pyString(plan.entry)})`);
  for (const source of plan.doc.nodes.map((node) => node.id)) {
    for (const router of routers.filter((candidate) => candidate.route.source === source)) {
      wiring.push(`builder.add_conditional_edges(${pyString(source)}, ${router.name}, [${router.route.targets.map((target) => pyTarget(target, imports)).join(", ")}])`);
    }
    for (const fanOut of fanOuts.filter((candidate) => candidate.fanOut.source === source)) {
      wiring.push(`builder.add_conditional_edges(${pyString(source)}, ${fanOut.name}, [${pyString(fanOut.fanOut.target)}])`);
    }
    for (const edge of plan.edges.filter((candidate) => candidate.source === source)) wiring.push(`builder.add_edge(${pyString(source)}, ${pyTarget(edge.target, imports)})`);
  }
  // A join node runs once all of its incoming branches have finished.
  for (const join of plan.joins) wiring.push(`builder.add_edge([${join.sources.map(pyString).join(", ")}], ${pyString(join.target)})`);

  const sections = [
    `"""The "${oneLine(plan.doc.name)}" graph, exported from Switchyard.${plan.doc.description ? `\n\n${oneLine(plan.doc.description)}` : ""}\n"""`,
    imports.renderPy(new Set(["json", "os", "re", "typing", "uuid"])),
    PY_SUPPORT_SECTION.trimEnd(),
    "# ---- state",
    state,
    ...(tools ? ["# ---- tools", tools] : []),
    "# ---- nodes",
    ...nodes.map((node) => node.code).filter(Boolean),
    ...(routers.length || fanOuts.length ? ["# ---- conditional edges", ...routers.map((router) => router.code), ...fanOuts.map((fanOut) => fanOut.code)] : []),
    "# ---- the graph",
    wiring.join("\n"),
    [
      `def ${buildName ?? "build_graph"}(checkpointer: Any = None):`,
      buildName
        ? '    """Compiles the graph to add as a subgraph node; without a checkpointer it checkpoints in its parent\'s, under its own namespace."""'
        : '    """Compiles the graph; pass a checkpointer (e.g. InMemorySaver()) to pause, inspect and resume runs yourself."""',
      "    return builder.compile(",
      "        checkpointer=checkpointer,",
      `        interrupt_before=[${plan.interruptBefore.map(pyString).join(", ")}],`,
      `        interrupt_after=[${plan.interruptAfter.map(pyString).join(", ")}],`,
      `        name=${pyString(plan.doc.name)},`,
      "    )",
    ].join("\n"),
    ...(buildName ? [] : ["# What langgraph.json serves (LangGraph Platform supplies the checkpointer).\ngraph = build_graph()"]),
  ];
  // PEP 8: two blank lines between top-level definitions.
  return `${sections.join("\n\n\n")}\n`;
}

function pyproject(plan: ExportPlan, subgraphModules: string[]): string {
  const dependencies = new Set(PY_DEPENDENCIES);
  for (const node of plan.doc.nodes) {
    if (node.kind === "llm" && node.config.provider !== "scripted") dependencies.add(PY_PROVIDER_DEPENDENCIES[node.config.provider]);
  }
  if (toolKindsOf(plan.doc).has("mcp")) dependencies.add("langchain-mcp-adapters>=0.1");
  const description = oneLine(plan.doc.description ?? `The ${plan.doc.name} graph, exported from Switchyard`);
  return `[project]
name = ${pyString(packageName(plan.doc.name))}
version = "0.1.0"
description = ${pyString(description)}
requires-python = ">=3.10"
dependencies = [
${[...dependencies].sort().map((dependency) => `    ${pyString(dependency)},`).join("\n")}
]

[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[tool.setuptools]
py-modules = [${["graph", ...(toolKindsOf(plan.doc).size > 0 ? ["switchyard_tools"] : []), ...subgraphModules].map(pyString).join(", ")}]
`;
}

function readme(plan: ExportPlan): string {
  const name = plan.doc.name;
  const providers = [...new Set(plan.doc.nodes.flatMap((node) => (node.kind === "llm" ? [node.config.provider] : [])))].sort();
  const keys = providers.filter((provider) => provider === "openai" || provider === "anthropic").map((provider) => `${provider.toUpperCase()}_API_KEY`);
  const pauses = plan.interruptBefore.length ? `\nThe graph pauses before ${plan.interruptBefore.map((id) => `\`${id}\``).join(", ")}: answer with \`graph.update_state(config, values, as_node="<node>")\` and continue with \`graph.stream(None, config)\`.\n` : "";
  return `# ${name}

${plan.doc.description ? `${plan.doc.description}\n\n` : ""}The \`${name}\` graph, exported from Switchyard as a LangGraph (Python) project.

- \`graph.py\`: the state schema, one function per node, the conditional edges and the compiled \`graph\`${providers.includes("scripted") ? "; scripted models are a small fake chat model with canned replies, so the project runs offline" : ""}
${codeParts(plan.doc).length ? `- To port by hand: ${codeParts(plan.doc).join(", ")} ran JavaScript in Switchyard; their functions in \`graph.py\` carry that code as a comment and raise NotImplementedError until ported\n` : ""}- \`langgraph.json\`: serves \`graph\` as \`${name}\` with \`langgraph dev\` or on LangGraph Platform
${toolsReadme(plan.doc, "switchyard_tools.py")}${keys.length ? `\nSet ${keys.map((key) => `\`${key}\``).join(" and ")} in the environment (or in a \`.env\` file) before running.\n` : ""}
## Run

\`\`\`sh
pip install -e . "langgraph-cli[inmem]"
langgraph dev          # LangGraph dev server on http://localhost:2024
\`\`\`

Or use the graph directly:

\`\`\`python
from langgraph.checkpoint.memory import InMemorySaver
from graph import build_graph

graph = build_graph(InMemorySaver())
config = {"configurable": {"thread_id": "1"}}
for update in graph.stream({"${plan.messagesField}": [{"role": "user", "content": "Hello"}]}, config, stream_mode="updates"):
    print(update)
\`\`\`
${pauses}`;
}
