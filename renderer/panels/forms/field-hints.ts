import type { GraphNode } from "../../../shared/graph-doc";

/**
 * Words for the generated forms: labels, help and the special widgets some fields need. The form's
 * structure comes from the zod schema; only what a schema cannot say lives here.
 */
export interface FieldHint {
  label?: string;
  help?: string;
  placeholder?: string;
  multiline?: boolean;
  /** A template field ({{last_message}}, {{args.query}}): monospace, with a hint. */
  template?: boolean;
  widget?: "toolNames" | "boundTool" | "replyRule" | "stateFieldKeys" | "hidden" | "code" | "graphName" | "httpHeaders";
  /** Drawn after the field: a tool card's Try it, the tools list's "Add tools from server...", a router's edge check. */
  extra?: "tryTool" | "mcpTools" | "routeEdges";
  /** An optional list that is left out of the config when emptied (an enum needs at least one value or none at all). */
  emptyIsAbsent?: boolean;
  /** Enum values in words. */
  options?: Record<string, string>;
  itemTitle?: (item: unknown, index: number) => string;
  addLabel?: string;
  newItem?: (node: GraphNode, index: number) => unknown;
  visible?: (config: Record<string, unknown>) => boolean;
  /** Shown only when the object holding the field (a list item such as one tool) says so. */
  visibleIn?: (parent: Record<string, unknown>) => boolean;
}

const notScripted = (config: Record<string, unknown>) => config.provider !== "scripted";

export const fieldHints: Record<GraphNode["kind"], Record<string, FieldHint>> = {
  llm: {
    provider: {
      label: "Model",
      options: { scripted: "Scripted (offline, canned replies)", openai: "OpenAI", anthropic: "Anthropic", ollama: "Ollama" },
      help: "Scripted replies need no API key: good for designing and testing the flow.",
    },
    model: { label: "Model name", placeholder: "e.g. gpt-4o-mini", visible: notScripted },
    temperature: { label: "Temperature", visible: notScripted },
    maxTokens: { label: "Max tokens", visible: notScripted },
    baseUrl: { label: "Base URL", placeholder: "https://… (OpenAI-compatible servers)", visible: notScripted },
    systemPrompt: { label: "System prompt", multiline: true, template: true, placeholder: "You are a helpful assistant." },
    tools: { label: "Tools it may call", widget: "toolNames", help: "Tools of the graph's Tools nodes, and Human nodes' ask tools." },
    replies: {
      label: "Scripted replies",
      help: "The first reply whose rule matches is used; a reply without a rule is the fallback.",
      visible: (config) => config.provider === "scripted",
      itemTitle: (_item, index) => `Reply ${index + 1}`,
      addLabel: "Add reply",
      newItem: () => ({ content: "", toolCalls: [] }),
    },
    outputFields: {
      label: "Output fields (structured output)",
      help: "With fields here the model answers in structured output and the answer goes to these state fields instead of a message; edges can then route on them (field equals).",
      itemTitle: (item) => (item as { name?: string }).name || "field",
      addLabel: "Add output field",
      newItem: (_node, index) => ({ name: index ? `field_${index + 1}` : "route", type: "string", description: "" }),
      emptyIsAbsent: true,
      extra: "routeEdges",
    },
    "outputFields[].name": { label: "State field", help: "The state field the answer is written to." },
    "outputFields[].type": { label: "Type" },
    "outputFields[].enum": {
      label: "Allowed values",
      help: "Only these values (a router's routes); none: any text.",
      visibleIn: (field) => (field.type ?? "string") === "string",
      itemTitle: (item) => String(item || "value"),
      addLabel: "Add value",
      newItem: (_node, index) => `value_${index + 1}`,
      emptyIsAbsent: true,
    },
    "outputFields[].enum[]": { label: "Value" },
    "outputFields[].description": { label: "Description", placeholder: "What the model should put here" },
    "replies[].when": { label: "When", widget: "replyRule" },
    "replies[].content": { label: "Says", multiline: true, template: true, placeholder: "Text of the reply, e.g. Based on the search: {{last_message}}" },
    "replies[].toolCalls": {
      label: "Tool calls",
      itemTitle: (item) => `Calls ${(item as { name?: string }).name || "a tool"}`,
      addLabel: "Add tool call",
      newItem: (node) => ({ name: (node.kind === "llm" && node.config.tools[0]) || "tool", args: {} }),
    },
    "replies[].toolCalls[].name": { label: "Tool", widget: "boundTool" },
    "replies[].output": { label: "Structured answer", template: true, addLabel: "Add field value", visible: (config) => Array.isArray(config.outputFields) && config.outputFields.length > 0, help: "One value per output field (templates allowed)." },
    "replies[].toolCalls[].args": { label: "Arguments", template: true, addLabel: "Add argument" },
  },
  tools: {
    tools: {
      label: "Tools",
      help: "Each tool answers a model's call: a canned result (mock), a sandboxed function, an HTTP request or a tool of an MCP server.",
      itemTitle: (item) => (item as { name?: string }).name || "tool",
      addLabel: "Add tool",
      newItem: (node, index) => ({ name: index ? `tool_${index + 1}` : "search", description: "", kind: "mock", args: [], result: "" }),
      extra: "mcpTools",
    },
    "tools[]": { extra: "tryTool" },
    "tools[].name": { label: "Name", placeholder: "search" },
    "tools[].description": { label: "Description", placeholder: "What the tool does (the model reads this)" },
    "tools[].kind": { label: "Answers with", options: { mock: "a canned result (mock)", code: "a JavaScript function (args) => result", http: "an HTTP request", mcp: "a tool of an MCP server (mcp.json)" } },
    "tools[].args": { label: "Arguments", itemTitle: (item) => (item as { name?: string }).name || "argument", addLabel: "Add argument", newItem: (_node, index) => ({ name: index ? `arg_${index + 1}` : "query", type: "string", description: "" }) },
    "tools[].args[].name": { label: "Name" },
    "tools[].args[].type": { label: "Type" },
    "tools[].args[].description": { label: "Description" },
    "tools[].source": { label: "Function", widget: "code", visibleIn: (tool) => tool.kind === "code", help: "(args) => result: runs in a sandbox; a string is the tool message, anything else is sent as JSON." },
    "tools[].timeoutMs": { label: "Time limit (ms)", placeholder: "1000 (code) / 10000 (http) by default", visibleIn: (tool) => tool.kind === "code" || tool.kind === "http" },
    "tools[].memoryMb": { label: "Memory cap (MB)", placeholder: "64 (default)", visibleIn: (tool) => tool.kind === "code" },
    "tools[].method": { label: "Method", visibleIn: (tool) => tool.kind === "http" },
    "tools[].url": { label: "URL", placeholder: "http://127.0.0.1:8080/weather?q={{args.city}}", template: true, visibleIn: (tool) => tool.kind === "http", help: "{{args.NAME}} inserts an argument (URL-encoded); {{secrets.NAME}} a secret from the environment or Settings." },
    "tools[].headers": { label: "Headers", widget: "httpHeaders", visibleIn: (tool) => tool.kind === "http", help: "Pick a secret by name (Insert a secret…): the header gets {{secrets.NAME}}, the value is looked up when the tool runs and never goes into the graph file." },
    "tools[].body": { label: "Body", multiline: true, template: true, visibleIn: (tool) => tool.kind === "http" },
    "tools[].resultPath": { label: "Result path", placeholder: "current.summary", visibleIn: (tool) => tool.kind === "http", help: "The value to return from a JSON body (dotted path); empty returns the whole body." },
    "tools[].server": { label: "Server", placeholder: "files", visibleIn: (tool) => tool.kind === "mcp", help: "The server's name in the workspace's mcp.json." },
    "tools[].tool": { label: "Server tool", placeholder: "read_file", visibleIn: (tool) => tool.kind === "mcp" },
    "tools[].result": { visibleIn: (tool) => tool.kind === undefined || tool.kind === "mock", label: "Result", multiline: true, template: true, placeholder: "I looked up {{args.query}}: …", help: "{{args.NAME}} inserts an argument; {{state.FIELD}} a state field." },
  },
  human: {
    mode: { label: "How it waits", options: { breakpoint: "Pause before this node (answer as this node)", interrupt: "interrupt() and resume with the answer" } },
    askTool: { label: "Ask tool", help: "The tool a model calls to ask the person (the seed's AskHuman)." },
    askToolDescription: { label: "Ask tool description", multiline: true },
    question: { label: "Question shown while paused", multiline: true, template: true },
  },
  code: {
    source: { label: "Function", widget: "code", help: "(state) => ({ field: value }): runs in a sandbox (no network, files or timers); returns the fields to change." },
    timeoutMs: { label: "Time limit (ms)" },
    memoryMb: { label: "Memory cap (MB)" },
  },
  set: {
    values: { label: "Values", widget: "stateFieldKeys", template: true, addLabel: "Add value", help: "Each state field gets its template's text, converted to the field's type." },
  },
  subgraph: {
    graph: { label: "Graph", widget: "graphName", help: "A graph of this workspace (NAME.graph.json); it shares the state fields of the same name." },
  },
};

export function hintFor(kind: GraphNode["kind"], key: string): FieldHint {
  return fieldHints[kind][key] ?? {};
}

export function humanize(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
