import type { FieldType, GraphNode, NodeOfKind } from "../../shared/graph-doc";
import type { ScriptedReply } from "../../shared/node-kinds/llm";
import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { UnsupportedNodeKindError } from "./exported-file";
import type { ImportSet } from "./imports";
import { emitToolVariables, type EmittedNode } from "./tool-variables";
import type { TsCodeModule } from "./ts-code";
import { camelCase, indent, type NameTable, tsKey, tsLiteral, tsString } from "./names";
import { boundToolsOf, DEFAULT_MODELS, describeNode, type ExportPlan, isHost } from "./plan";
import { tsSubgraphModule, tsCompileName } from "./subgraph-modules";
import { tsCondition } from "./ts-edges";
import { httpToolBlock, mcpBindingOf, mcpToolBlock } from "./ts-tool-blocks";
import { outputJsonSchema } from "../engine/structured-output";

export type TsNode = EmittedNode;

interface Scope {
  plan: ExportPlan;
  imports: ImportSet;
  names: NameTable;
  /** tool name -> variable of its first definition (what a model binds) */
  toolVars: Map<string, string>;
  /** tools node id -> variables of its own tools */
  nodeToolVars: Map<string, string[]>;
  code: TsCodeModule;
}

export function emitTsNodes(plan: ExportPlan, imports: ImportSet, names: NameTable, code: TsCodeModule): { tools: string; nodes: TsNode[] } {
  const scope: Scope = { plan, imports, names, toolVars: new Map(), nodeToolVars: new Map(), code };
  const tools = emitTools(scope);
  const nodes = plan.doc.nodes.map((node) => emitNode(node, scope));
  return { tools, nodes };
}

function emitTools(scope: Scope): string {
  const emitted = emitToolVariables(scope.plan.doc, {
    tool: (node, definition) => {
      const name = scope.names.claim(camelCase(`${definition.name} tool`));
      const code = scope.code.tools.get(`${node.id}/${definition.name}`);
      if (definition.kind === "http") return { name, block: httpToolBlock(name, definition, scope.imports) };
      if (definition.kind === "mcp") return { name, block: mcpToolBlock(name, definition, scope.imports) };
      return { name, block: code ? codeTool(name, definition, code, scope.code.module, scope.imports) : mockTool(name, definition, scope.imports) };
    },
    askTool: (node) => {
      const name = scope.names.claim(camelCase(`${node.config.askTool} tool`));
      return { name, block: askTool(name, node.config.askTool, node.config.askToolDescription, scope.imports) };
    },
  });
  scope.toolVars = emitted.byTool;
  scope.nodeToolVars = emitted.byNode;
  return emitted.blocks.join("\n\n");
}

/** A mock tool: its canned result is a template of its arguments. */
function mockTool(name: string, definition: ToolDefinition, imports: ImportSet): string {
  imports.use("./support.js", "renderTemplate");
  return toolOf(name, definition, `async (args) => renderTemplate(${tsString(definition.result ?? "")}, { args })`, imports);
}

/** A code tool: its function from src/code.js; a string result is the tool message as is, anything else its JSON. */
function codeTool(name: string, definition: ToolDefinition, code: string, module: string, imports: ImportSet): string {
  imports.use(module, code);
  imports.use("./support.js", "toolResultText");
  return toolOf(name, definition, `async (args) => toolResultText(await ${code}(args))`, imports);
}

function toolOf(name: string, definition: ToolDefinition, run: string, imports: ImportSet): string {
  imports.use("@langchain/core/tools", "tool");
  imports.use("zod", "z");
  const args = definition.args.map((arg) => {
    const base = arg.type === "number" ? "z.coerce.number()" : arg.type === "boolean" ? "z.coerce.boolean()" : "z.string()";
    return `${tsKey(arg.name)}: ${arg.description ? `${base}.describe(${tsString(arg.description)})` : base}`;
  });
  return [
    `const ${name} = tool(${run}, {`,
    `  name: ${tsString(definition.name)},`,
    `  description: ${tsString(definition.description || definition.name)},`,
    `  schema: z.object({ ${args.join(", ")} }),`,
    "});",
  ].join("\n");
}

/** The schema a model sees for a human node's ask tool; the human node answers its calls. */
function askTool(name: string, toolName: string, description: string, imports: ImportSet): string {
  imports.use("zod", "z");
  return [
    `const ${name} = {`,
    `  name: ${tsString(toolName)},`,
    `  description: ${tsString(description)},`,
    `  schema: z.object({ question: z.string().describe("The question to ask") }),`,
    "};",
  ].join("\n");
}

function emitNode(node: GraphNode, scope: Scope): TsNode {
  const name = scope.names.claim(camelCase(`${node.id} node`));
  const comment = `/** ${node.id}: ${describeNode(node)}. */`;
  switch (node.kind) {
    case "llm":
      return { id: node.id, name, code: llmNode(node, name, comment, scope) };
    case "tools":
      return { id: node.id, name, code: toolsNode(node, name, comment, scope) };
    case "human":
      return { id: node.id, name, code: humanNode(node, name, comment, scope) };
    case "set":
      return { id: node.id, name, code: setNode(node, name, comment, scope) };
    case "code":
      return { id: node.id, name, code: codeNode(node, name, comment, scope) };
    case "subgraph": {
      // The child graph compiled (without a saver: it checkpoints in the parent's) is the node itself.
      const graph = scope.plan.subgraphs.get(node.id)!.doc.name;
      const compile = scope.imports.use(`./${tsSubgraphModule(graph)}.js`, tsCompileName(graph));
      return { id: node.id, name: `${compile}()`, code: "" };
    }
  }
  const other = node as { id: string; kind: string };
  throw new UnsupportedNodeKindError(other.id, other.kind, "TypeScript");
}

function llmNode(node: NodeOfKind<"llm">, name: string, comment: string, scope: Scope): string {
  const { imports, plan } = scope;
  imports.use("@langchain/core/runnables", "RunnableConfig", true);
  const field = plan.messagesField;
  const declarations: string[] = [];
  const body: string[] = [];
  const system = node.config.systemPrompt
    ? `new ${imports.use("@langchain/core/messages", "SystemMessage")}(${imports.use("./support.js", "renderTemplate")}(${tsString(node.config.systemPrompt)}, { state, messagesField: ${tsString(field)} }))`
    : undefined;
  const history = system ? `[${system}, ...state.${field}]` : `state.${field}`;
  if (node.config.outputFields?.length) return structuredLlmNode(node, name, comment, history, scope);
  if (node.config.provider === "scripted") {
    const replies = scope.names.claim(camelCase(`${node.id} replies`));
    imports.use("./support.js", "ScriptedReply", true);
    imports.use("./support.js", "ScriptedChatModel");
    declarations.push(`const ${replies}: ScriptedReply<State>[] = [\n${node.config.replies.map((reply) => indent(scriptedReply(reply, scope), 2)).join(",\n")}${node.config.replies.length ? ",\n" : ""}];`);
    body.push(`const model = new ScriptedChatModel({ replies: ${replies}, state, messagesField: ${tsString(field)} });`);
    body.push(`const reply = await ${bindTools("model", node, scope)}.invoke(${history}, config);`);
  } else {
    const model = scope.names.claim(camelCase(`${node.id} model`));
    declarations.push(providerModel(model, node, imports));
    body.push(`const reply = await ${bindTools(model, node, scope)}.invoke(${history}, config);`);
  }
  body.push(`return { ${field}: [reply] };`);
  return [...declarations, "", comment, `async function ${name}(state: State, config: RunnableConfig): Promise<Update> {`, indent(body.join("\n"), 2), "}"].join("\n");
}

/**
 * An llm node with outputFields, as main/engine/nodes/llm.ts runs it: the model answers in
 * structured output and the answer, checked field by field, is the update of those fields.
 */
function structuredLlmNode(node: NodeOfKind<"llm">, name: string, comment: string, history: string, scope: Scope): string {
  const { imports, plan } = scope;
  const fields = node.config.outputFields ?? [];
  const schema = scope.names.claim(camelCase(`${node.id} output schema`));
  const declarations = [`const ${schema} = ${tsLiteral(outputJsonSchema(fields))};`];
  let model: string;
  if (node.config.provider === "scripted") {
    const replies = scope.names.claim(camelCase(`${node.id} replies`));
    imports.use("./support.js", "ScriptedReply", true);
    imports.use("./support.js", "ScriptedChatModel");
    declarations.push(`const ${replies}: ScriptedReply<State>[] = [\n${node.config.replies.map((reply) => indent(scriptedReply(reply, scope), 2)).join(",\n")}${node.config.replies.length ? ",\n" : ""}];`);
    model = `new ScriptedChatModel({ replies: ${replies}, state, messagesField: ${tsString(plan.messagesField)} })`;
  } else {
    model = scope.names.claim(camelCase(`${node.id} model`));
    declarations.push(providerModel(model, node, imports));
  }
  const check = imports.use("./support.js", "checkStructuredAnswer");
  const body = [
    `const answer: unknown = await ${model}.withStructuredOutput(${schema}, { name: "answer" }).invoke(${history}, config);`,
    `return ${check}(answer, ${tsString(node.id)}, ${tsLiteral(fields)}) as Update;`,
  ];
  return [...declarations, "", comment, `async function ${name}(state: State, config: RunnableConfig): Promise<Update> {`, indent(body.join("\n"), 2), "}"].join("\n");
}

/** The model bound to the node's tools (the scripted model ignores them, a real one sends their schemas). */
function bindTools(model: string, node: NodeOfKind<"llm">, scope: Scope): string {
  const tools = boundToolsOf(node, scope.plan.doc).map((tool) => {
    const variable = scope.toolVars.get(tool.kind === "mock" ? tool.definition.name : tool.name)!;
    return tool.kind === "mock" && tool.definition.kind === "mcp" ? mcpBindingOf(variable, scope.imports) : variable;
  });
  return tools.length > 0 ? `${model}.bindTools([${tools.join(", ")}])` : model;
}

function scriptedReply(reply: ScriptedReply, scope: Scope): string {
  const lines = ["{"];
  if (reply.when?.type === "turn") lines.push(`  when: (state) => ${scope.imports.use("./support.js", "aiTurns")}(state.${scope.plan.messagesField}) === ${reply.when.index},`);
  else if (reply.when && reply.when.type !== "otherwise") lines.push(`  when: (state) => ${tsCondition(reply.when, scope.plan, scope.imports)},`);
  lines.push(`  content: ${tsString(reply.content)},`);
  const calls = reply.toolCalls.map((call) => `{ name: ${tsString(call.name)}, args: ${tsLiteral(call.args)} }`);
  lines.push(`  toolCalls: [${calls.join(", ")}],`);
  if (reply.output !== undefined) lines.push(`  output: ${tsLiteral(reply.output)},`);
  lines.push("}");
  return lines.join("\n");
}

/** A real provider's LangChain class; its API key comes from the environment, never from the export. */
function providerModel(name: string, node: NodeOfKind<"llm">, imports: ImportSet): string {
  const config = node.config;
  const provider = config.provider as "openai" | "anthropic" | "ollama";
  const options: string[] = [`model: ${tsString(config.model ?? DEFAULT_MODELS[provider])}`];
  // As main/engine/providers/anthropic.ts: Anthropic takes temperatures up to 1.
  const temperature = provider === "anthropic" && config.temperature !== undefined ? Math.min(config.temperature, 1) : config.temperature;
  if (temperature !== undefined) options.push(`temperature: ${temperature}`);
  if (config.maxRetries !== undefined) options.push(`maxRetries: ${config.maxRetries}`);
  if (provider === "openai") {
    imports.use("@langchain/openai", "ChatOpenAI");
    if (config.maxTokens !== undefined) options.push(`maxTokens: ${config.maxTokens}`);
    if (config.timeoutMs !== undefined) options.push(`timeout: ${config.timeoutMs}`);
    if (config.baseUrl) options.push(`configuration: { baseURL: ${tsString(config.baseUrl)} }`);
    // An OpenAI-compatible server elsewhere (llama.cpp, vLLM) may need no key, as in Switchyard.
    if (config.baseUrl && !isHost(config.baseUrl, "openai.com")) options.push(`apiKey: process.env.OPENAI_API_KEY ?? "no-key-needed"`);
    return `// Reads OPENAI_API_KEY from the environment.\nconst ${name} = new ChatOpenAI({ ${options.join(", ")} });`;
  }
  if (provider === "anthropic") {
    imports.use("@langchain/anthropic", "ChatAnthropic");
    if (config.maxTokens !== undefined) options.push(`maxTokens: ${config.maxTokens}`);
    if (config.timeoutMs !== undefined) options.push(`clientOptions: { timeout: ${config.timeoutMs} }`);
    if (config.baseUrl) options.push(`anthropicApiUrl: ${tsString(config.baseUrl)}`);
    return `// Reads ANTHROPIC_API_KEY from the environment.\nconst ${name} = new ChatAnthropic({ ${options.join(", ")} });`;
  }
  imports.use("@langchain/ollama", "ChatOllama");
  if (config.maxTokens !== undefined) options.push(`numPredict: ${config.maxTokens}`);
  if (config.baseUrl) options.push(`baseUrl: ${tsString(config.baseUrl)}`);
  return `// Talks to a local Ollama server (OLLAMA_HOST or the baseUrl below).\nconst ${name} = new ChatOllama({ ${options.join(", ")} });`;
}

/** LangGraph's own ToolNode over the node's tools, so tool messages look as LangGraph users expect. */
function toolsNode(node: NodeOfKind<"tools">, name: string, comment: string, scope: Scope): string {
  const { imports, plan } = scope;
  imports.use("@langchain/langgraph/prebuilt", "ToolNode");
  const tools = scope.nodeToolVars.get(node.id) ?? [];
  const created = `new ToolNode([${tools.join(", ")}], { name: ${tsString(node.id)} })`;
  if (plan.messagesField === "messages") return `${comment}\nconst ${name} = ${created};`;
  // ToolNode reads and writes a field called "messages": translate for graphs that name it otherwise.
  imports.use("@langchain/core/runnables", "RunnableConfig", true);
  imports.use("@langchain/core/messages", "BaseMessage", true);
  const inner = scope.names.claim(camelCase(`${node.id} tools`));
  return [
    `const ${inner} = ${created};`,
    "",
    comment,
    `async function ${name}(state: State, config: RunnableConfig): Promise<Update> {`,
    `  const result = (await ${inner}.invoke({ messages: state.${plan.messagesField} }, config)) as { messages: BaseMessage[] };`,
    `  return { ${plan.messagesField}: result.messages };`,
    "}",
  ].join("\n");
}

function humanNode(node: NodeOfKind<"human">, name: string, comment: string, scope: Scope): string {
  const { imports, plan } = scope;
  const field = plan.messagesField;
  if (node.config.mode === "breakpoint") {
    return [
      comment.replace(/ \*\/$/, ""),
      ` * Answer with graph.updateState(config, { ${field}: [answer] }, ${tsString(node.id)}), then continue with graph.stream(null, config). */`,
      `async function ${name}(_state: State): Promise<Update> {`,
      "  return {};",
      "}",
    ].join("\n");
  }
  const support = (what: string) => imports.use("./support.js", what);
  const toolMessage = imports.use("@langchain/core/messages", "ToolMessage");
  const humanMessage = imports.use("@langchain/core/messages", "HumanMessage");
  return [
    comment,
    `async function ${name}(state: State): Promise<Update> {`,
    `  const pendingCall = ${support("pendingToolCall")}(state.${field}, ${tsString(node.config.askTool)});`,
    `  const question = ${support("renderTemplate")}(${tsString(node.config.question)}, { state, messagesField: ${tsString(field)}, args: pendingCall?.args });`,
    `  const answer: unknown = ${imports.use("@langchain/langgraph", "interrupt")}({ question, ...(pendingCall ? { tool_call_id: pendingCall.id } : {}) });`,
    '  const text = typeof answer === "string" ? answer : JSON.stringify(answer);',
    "  const reply = pendingCall?.id",
    `    ? new ${toolMessage}({ content: text, tool_call_id: pendingCall.id, name: ${tsString(node.config.askTool)} })`,
    `    : new ${humanMessage}({ content: text });`,
    `  return { ${field}: [reply] };`,
    "}",
  ].join("\n");
}

function setNode(node: NodeOfKind<"set">, name: string, comment: string, scope: Scope): string {
  const { imports, plan } = scope;
  const render = imports.use("./support.js", "renderTemplate");
  const values = Object.entries(node.config.values).map(([field, template]) => {
    const text = `${render}(${tsString(template)}, scope)`;
    return `    ${field}: ${converted(text, plan.doc.state.fields[field]?.type ?? "any", imports)},`;
  });
  return [
    comment,
    `async function ${name}(state: State): Promise<Update> {`,
    `  const scope = { state, messagesField: ${tsString(plan.messagesField)} };`,
    "  return {",
    ...values,
    "  };",
    "}",
  ].join("\n");
}

/**
 * The node's function from src/code.js gets the state as JSON (messages in their wire form, as
 * the sandbox gives them) and returns the fields to change, or nothing.
 */
function codeNode(node: NodeOfKind<"code">, name: string, comment: string, scope: Scope): string {
  const code = scope.imports.use(scope.code.module, scope.code.nodes.get(node.id)!);
  const toJson = scope.imports.use("./support.js", "stateAsJson");
  return [comment, `async function ${name}(state: State): Promise<Update> {`, `  return ((await ${code}(${toJson}(state))) ?? {}) as Update;`, "}"].join("\n");
}

/** The rendered text converted to the field's type, as main/engine/nodes/set.ts does. */
function converted(text: string, type: FieldType, imports: ImportSet): string {
  switch (type) {
    case "string":
      return text;
    case "number":
      return `Number(${text})`;
    case "boolean":
      return `${imports.use("./support.js", "toBoolean")}(${text})`;
    case "messages":
      return `[new ${imports.use("@langchain/core/messages", "AIMessage")}({ content: ${text} })]`;
    case "list":
      return `${imports.use("./support.js", "toList")}(${text})`;
    case "object":
      return `${imports.use("./support.js", "toValue")}(${text}) as Record<string, unknown>`;
    case "any":
      return `${imports.use("./support.js", "toValue")}(${text})`;
  }
}
