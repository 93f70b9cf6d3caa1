import type { FieldType, GraphNode, NodeOfKind } from "../../shared/graph-doc";
import type { ScriptedReply } from "../../shared/node-kinds/llm";
import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { UnsupportedNodeKindError } from "./exported-file";
import { pyBuildName, pySubgraphModule } from "./subgraph-modules";
import type { ImportSet } from "./imports";
import { emitToolVariables, type EmittedNode } from "./tool-variables";
import { indent, type NameTable, oneLine, pyLiteral, pyString, snakeCase, upperSnakeCase } from "./names";
import { boundToolsOf, DEFAULT_MODELS, describeNode, type ExportPlan, isHost } from "./plan";
import { pyCondition } from "./py-edges";
import { pyArgsModel, pyHttpTool, pyMcpBinding, pyMcpTool, pyToolFunction } from "./py-tool-blocks";
import { outputJsonSchema } from "../engine/structured-output";


export type PyNode = EmittedNode;

interface Scope {
  plan: ExportPlan;
  imports: ImportSet;
  names: NameTable;
  /** tool name -> variable of its first definition (what a model binds) */
  toolVars: Map<string, string>;
  /** tools node id -> variables of its own tools */
  nodeToolVars: Map<string, string[]>;
}

export function emitPyNodes(plan: ExportPlan, imports: ImportSet, names: NameTable): { tools: string; nodes: PyNode[] } {
  const scope: Scope = { plan, imports, names, toolVars: new Map(), nodeToolVars: new Map() };
  const tools = emitTools(scope);
  const nodes = plan.doc.nodes.map((node) => emitNode(node, scope));
  return { tools, nodes };
}

function emitTools(scope: Scope): string {
  const emitted = emitToolVariables(scope.plan.doc, {
    tool: (_node, definition) => {
      const name = scope.names.claim(snakeCase(`${definition.name} tool`));
      if (definition.kind === "http") return { name, block: pyHttpTool(name, definition, scope.imports, scope.names) };
      if (definition.kind === "mcp") return { name, block: pyMcpTool(name, definition, scope.imports, scope.names) };
      return { name, block: mockTool(name, definition, scope) };
    },
    askTool: (node) => {
      const name = scope.names.claim(upperSnakeCase(`${node.config.askTool} tool`));
      return { name, block: askTool(name, node.config.askTool, node.config.askToolDescription) };
    },
  });
  scope.toolVars = emitted.byTool;
  scope.nodeToolVars = emitted.byNode;
  return emitted.blocks.join("\n\n\n");
}

/** A mock tool: a pydantic model of its arguments and a function rendering its canned result. */
function mockTool(name: string, definition: ToolDefinition, scope: Scope): string {
  const { imports, names } = scope;
  imports.use("langchain_core.tools", "StructuredTool");
  const argsModel = pyArgsModel(definition, imports, names);
  const run = names.claim(`_${snakeCase(definition.name)}`);
  const body =
    definition.kind === "code"
      ? [...portComment(definition.source ?? ""), `    raise NotImplementedError(${pyString(`tool "${definition.name}" is JavaScript in Switchyard: port it to Python (see the comment above)`)})`]
      : [`    return render_template(${pyString(definition.result ?? "")}, args=args)`];
  return [
    argsModel.code,
    "",
    "",
    ...pyToolFunction(name, run, definition, argsModel.name, body),
  ].join("\n");
}

/** The schema a model sees for a human node's ask tool (OpenAI function format); the human node answers its calls. */
function askTool(name: string, toolName: string, description: string): string {
  const schema = {
    name: toolName,
    description,
    parameters: { type: "object", properties: { question: { type: "string", description: "The question to ask" } }, required: ["question"] },
  };
  return `${name} = ${pyLiteral(schema)}`;
}

function emitNode(node: GraphNode, scope: Scope): PyNode {
  const name = scope.names.claim(snakeCase(`${node.id} node`));
  const doc = `    """${oneLine(`${node.id}: ${describeNode(node)}.`)}"""`;
  switch (node.kind) {
    case "llm":
      return { id: node.id, name, code: llmNode(node, name, doc, scope) };
    case "tools":
      return { id: node.id, name, code: toolsNode(node, name, scope) };
    case "human":
      return { id: node.id, name, code: humanNode(node, name, doc, scope) };
    case "set":
      return { id: node.id, name, code: setNode(node, name, doc, scope) };
    case "code":
      return { id: node.id, name, code: codeNode(node, name, doc) };
    case "subgraph": {
      // The child graph compiled (without a checkpointer: it checkpoints in the parent's) is the node itself.
      const graph = scope.plan.subgraphs.get(node.id)!.doc.name;
      const build = scope.imports.use(pySubgraphModule(graph), pyBuildName(graph));
      return { id: node.id, name: `${build}()`, code: "" };
    }
  }
  const other = node as { id: string; kind: string };
  throw new UnsupportedNodeKindError(other.id, other.kind, "Python");
}

function llmNode(node: NodeOfKind<"llm">, name: string, doc: string, scope: Scope): string {
  const { imports, plan } = scope;
  imports.use("langchain_core.runnables", "RunnableConfig");
  const field = pyString(plan.messagesField);
  const declarations: string[] = [];
  const body: string[] = [];
  const history = `state.get(${field}, [])`;
  const messages = node.config.systemPrompt
    ? `[${imports.use("langchain_core.messages", "SystemMessage")}(render_template(${pyString(node.config.systemPrompt)}, state=state, messages_field=${field})), *${history}]`
    : history;
  if (node.config.outputFields?.length) return structuredLlmNode(node, name, doc, messages, scope);
  const tools = boundToolsOf(node, plan.doc).map((tool) => {
    const variable = scope.toolVars.get(tool.kind === "mock" ? tool.definition.name : tool.name)!;
    return tool.kind === "mock" && tool.definition.kind === "mcp" ? pyMcpBinding(variable, imports) : variable;
  });
  const bind = (model: string) => (tools.length > 0 ? `${model}.bind_tools([${tools.join(", ")}])` : model);
  if (node.config.provider === "scripted") {
    const replies = scope.names.claim(upperSnakeCase(`${node.id} replies`));
    declarations.push(`${replies} = [\n${node.config.replies.map((reply) => indent(scriptedReply(reply, scope), 4)).join(",\n")}${node.config.replies.length ? ",\n" : ""}]`);
    body.push(`model = ScriptedChatModel(replies=${replies}, state=state, messages_field=${field})`);
    body.push(`reply = ${bind("model")}.invoke(${messages}, config)`);
  } else {
    const model = scope.names.claim(upperSnakeCase(`${node.id} model`));
    declarations.push(providerModel(model, node, imports));
    body.push(`reply = ${bind(model)}.invoke(${messages}, config)`);
  }
  body.push(`return {${field}: [reply]}`);
  return [...declarations, "", "", `def ${name}(state: State, config: RunnableConfig) -> dict:`, doc, indent(body.join("\n"), 4)].join("\n");
}

/** An llm node with outputFields: a structured answer, checked field by field, is the update of those fields. */
function structuredLlmNode(node: NodeOfKind<"llm">, name: string, doc: string, messages: string, scope: Scope): string {
  const { imports, plan } = scope;
  const fields = node.config.outputFields ?? [];
  const schema = scope.names.claim(upperSnakeCase(`${node.id} output schema`));
  const declarations = [`${schema} = ${pyLiteral(outputJsonSchema(fields))}`];
  let model: string;
  if (node.config.provider === "scripted") {
    const replies = scope.names.claim(upperSnakeCase(`${node.id} replies`));
    declarations.push(`${replies} = [\n${node.config.replies.map((reply) => indent(scriptedReply(reply, scope), 4)).join(",\n")}${node.config.replies.length ? ",\n" : ""}]`);
    model = `ScriptedChatModel(replies=${replies}, state=state, messages_field=${pyString(plan.messagesField)})`;
  } else {
    model = scope.names.claim(upperSnakeCase(`${node.id} model`));
    declarations.push(providerModel(model, node, imports));
  }
  const body = [
    `answer = ${model}.with_structured_output(${schema}).invoke(${messages}, config)`,
    `return check_structured_answer(answer, ${pyString(node.id)}, ${pyLiteral(fields)})`,
  ];
  return [...declarations, "", "", `def ${name}(state: State, config: RunnableConfig) -> dict:`, doc, indent(body.join("\n"), 4)].join("\n");
}

function scriptedReply(reply: ScriptedReply, scope: Scope): string {
  const entries: string[] = [];
  if (reply.when?.type === "turn") entries.push(`"when": lambda state: ai_turns(state.get(${pyString(scope.plan.messagesField)}, [])) == ${reply.when.index},`);
  else if (reply.when && reply.when.type !== "otherwise") entries.push(`"when": lambda state: ${pyCondition(reply.when, scope.plan)},`);
  entries.push(`"content": ${pyString(reply.content)},`);
  entries.push(`"tool_calls": ${pyLiteral(reply.toolCalls.map((call) => ({ name: call.name, args: call.args })))},`);
  if (reply.output !== undefined) entries.push(`"output": ${pyLiteral(reply.output)},`);
  return ["{", ...entries.map((entry) => `    ${entry}`), "}"].join("\n");
}

/** A real provider's LangChain class; its API key comes from the environment, never from the export. */
function providerModel(name: string, node: NodeOfKind<"llm">, imports: ImportSet): string {
  const config = node.config;
  const provider = config.provider as "openai" | "anthropic" | "ollama";
  const options: string[] = [`model=${pyString(config.model ?? DEFAULT_MODELS[provider])}`];
  const temperature = provider === "anthropic" && config.temperature !== undefined ? Math.min(config.temperature, 1) : config.temperature;
  if (temperature !== undefined) options.push(`temperature=${temperature}`);
  if (config.maxRetries !== undefined && provider !== "ollama") options.push(`max_retries=${config.maxRetries}`);
  if (config.timeoutMs !== undefined && provider !== "ollama") options.push(`timeout=${config.timeoutMs / 1000}`);
  if (provider === "openai") {
    imports.use("langchain_openai", "ChatOpenAI");
    if (config.maxTokens !== undefined) options.push(`max_tokens=${config.maxTokens}`);
    if (config.baseUrl) options.push(`base_url=${pyString(config.baseUrl)}`);
    if (config.baseUrl && !isHost(config.baseUrl, "openai.com")) {
      imports.use("os", "*module");
      options.push('api_key=os.environ.get("OPENAI_API_KEY", "no-key-needed")');
    }
    return `# Reads OPENAI_API_KEY from the environment.\n${name} = ChatOpenAI(${options.join(", ")})`;
  }
  if (provider === "anthropic") {
    imports.use("langchain_anthropic", "ChatAnthropic");
    if (config.maxTokens !== undefined) options.push(`max_tokens=${config.maxTokens}`);
    if (config.baseUrl) options.push(`base_url=${pyString(config.baseUrl)}`);
    return `# Reads ANTHROPIC_API_KEY from the environment.\n${name} = ChatAnthropic(${options.join(", ")})`;
  }
  imports.use("langchain_ollama", "ChatOllama");
  if (config.maxTokens !== undefined) options.push(`num_predict=${config.maxTokens}`);
  if (config.baseUrl) options.push(`base_url=${pyString(config.baseUrl)}`);
  return `# Talks to a local Ollama server (OLLAMA_HOST or the base_url below).\n${name} = ChatOllama(${options.join(", ")})`;
}

/** LangGraph's own ToolNode over the node's tools (reading and writing the graph's messages field). */
function toolsNode(node: NodeOfKind<"tools">, name: string, scope: Scope): string {
  scope.imports.use("langgraph.prebuilt", "ToolNode");
  const tools = scope.nodeToolVars.get(node.id) ?? [];
  const key = scope.plan.messagesField === "messages" ? "" : `, messages_key=${pyString(scope.plan.messagesField)}`;
  return `# ${oneLine(`${node.id}: ${describeNode(node)}.`)}\n${name} = ToolNode([${tools.join(", ")}], name=${pyString(node.id)}${key})`;
}

function humanNode(node: NodeOfKind<"human">, name: string, doc: string, scope: Scope): string {
  const { imports, plan } = scope;
  const field = pyString(plan.messagesField);
  if (node.config.mode === "breakpoint") {
    return [
      `def ${name}(state: State) -> dict:`,
      doc.replace(/"""$/, ""),
      "",
      `    Answer with graph.update_state(config, {${field}: [answer]}, as_node=${pyString(node.id)}),`,
      "    then continue with graph.stream(None, config).",
      '    """',
      "    return {}",
    ].join("\n");
  }
  const toolMessage = imports.use("langchain_core.messages", "ToolMessage");
  const humanMessage = imports.use("langchain_core.messages", "HumanMessage");
  const askTool = pyString(node.config.askTool);
  return [
    `def ${name}(state: State) -> dict:`,
    doc,
    `    pending_call = pending_tool_call(state.get(${field}, []), ${askTool})`,
    `    question = render_template(${pyString(node.config.question)}, state=state, messages_field=${field}, args=pending_call["args"] if pending_call else None)`,
    '    payload = {"question": question, **({"tool_call_id": pending_call["id"]} if pending_call else {})}',
    `    answer = ${imports.use("langgraph.types", "interrupt")}(payload)`,
    '    text = answer if isinstance(answer, str) else json.dumps(answer, separators=(",", ":"), ensure_ascii=False)',
    "    if pending_call and pending_call.get(\"id\"):",
    `        reply = ${toolMessage}(content=text, tool_call_id=pending_call["id"], name=${askTool})`,
    "    else:",
    `        reply = ${humanMessage}(content=text)`,
    `    return {${field}: [reply]}`,
  ].join("\n");
}

function setNode(node: NodeOfKind<"set">, name: string, doc: string, scope: Scope): string {
  const { imports, plan } = scope;
  const values = Object.entries(node.config.values).map(([field, template]) => {
    const text = `render_template(${pyString(template)}, state=state, messages_field=${pyString(plan.messagesField)})`;
    return `        ${pyString(field)}: ${converted(text, plan.doc.state.fields[field]?.type ?? "any", imports)},`;
  });
  return [`def ${name}(state: State) -> dict:`, doc, "    return {", ...values, "    }"].join("\n");
}

/**
 * A code node's function is JavaScript, which a Python project cannot run: the node keeps its
 * place in the graph and carries the source as a comment, to be ported by hand.
 */
function codeNode(node: NodeOfKind<"code">, name: string, doc: string): string {
  return [
    `def ${name}(state: State) -> dict:`,
    doc,
    ...portComment(node.config.source),
    `    raise NotImplementedError(${pyString(`node "${node.id}" is JavaScript in Switchyard: port it to Python (see the comment above)`)})`,
  ].join("\n");
}

/** JavaScript to port, as comment lines inside a function. */
function portComment(source: string): string[] {
  return ["    # The JavaScript this ran in Switchyard (state or args in, JSON out):", ...source.split(/\r?\n/).map((line) => `    #   ${line}`.trimEnd())];
}

/** The rendered text converted to the field's type, as main/engine/nodes/set.ts does. */
function converted(text: string, type: FieldType, imports: ImportSet): string {
  switch (type) {
    case "string":
      return text;
    case "number":
      return `to_number(${text})`;
    case "boolean":
      return `to_boolean(${text})`;
    case "messages":
      return `[${imports.use("langchain_core.messages", "AIMessage")}(content=${text})]`;
    case "list":
      return `to_list(${text})`;
    case "object":
    case "any":
      return `to_value(${text})`;
  }
}
