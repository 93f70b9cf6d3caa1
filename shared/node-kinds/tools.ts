import { z } from "zod";
import { codeLimits } from "./code";

export const toolArgSchema = z
  .object({ name: z.string().min(1), type: z.enum(["string", "number", "boolean"]).default("string"), description: z.string().default("") })
  .strict();

export const TOOL_KINDS = ["mock", "code", "http", "mcp"] as const;
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An HTTP tool waits this long for a response unless it says otherwise. */
export const HTTP_DEFAULT_TIMEOUT_MS = 10_000;

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "a header name is letters, digits and - (no spaces or colons)");

export const toolDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][\w-]{0,63}$/, "a tool name is letters, digits, _ or -, starting with a letter"),
    description: z.string().default(""),
    /**
     * "mock": a templated canned result; "code": a JavaScript function `(args) => result` run in the sandbox;
     * "http": a request template; "mcp": a tool of a server declared in the workspace's mcp.json.
     */
    kind: z.enum(TOOL_KINDS).default("mock"),
    /** The arguments the model gives (for mcp tools they come from the server's tools/list instead). */
    args: z.array(toolArgSchema).default([]),
    /** For mock tools: template of the canned result; `{{args.query}}` inserts an argument. */
    result: z.string().optional(),
    /** For code tools: `(args) => result`; a string result is the tool message, anything else is sent as JSON. */
    source: z.string().optional(),
    /** For code tools: the sandbox's limit; for http tools: how long to wait for the response (default 10000). */
    timeoutMs: codeLimits.timeoutMs.optional(),
    memoryMb: codeLimits.memoryMb.optional(),
    /** For http tools: `{{args.X}}` (URL-encoded in the URL) and `{{secrets.NAME}}` (from the environment or Settings). */
    method: z.enum(HTTP_METHODS).optional(),
    url: z.string().optional(),
    headers: z.record(headerName, z.string()).optional(),
    body: z.string().optional(),
    /** For http tools: the dotted path of the value to return from a JSON body, e.g. `current.summary`. */
    resultPath: z.string().regex(/^[\w-]+(\.[\w-]+)*$/, "a result path is names separated by dots, e.g. current.summary").optional(),
    /** For mcp tools: the server's name in mcp.json and the tool's name on that server. */
    server: z.string().optional(),
    tool: z.string().optional(),
  })
  .strict()
  .superRefine((tool, ctx) => {
    if (tool.kind === "mock" && tool.result === undefined) ctx.addIssue({ code: "custom", path: ["result"], message: "a mock tool needs a result" });
    if (tool.kind === "code" && !tool.source?.trim()) ctx.addIssue({ code: "custom", path: ["source"], message: "a code tool needs a source such as (args) => args.a + args.b" });
    if (tool.kind === "http" && !tool.url?.trim()) ctx.addIssue({ code: "custom", path: ["url"], message: "an http tool needs a url such as https://api.example.com/weather?q={{args.city}}" });
    if (tool.kind === "mcp" && !tool.server?.trim()) ctx.addIssue({ code: "custom", path: ["server"], message: "an mcp tool needs the name of its server in mcp.json" });
    if (tool.kind === "mcp" && !tool.tool?.trim()) ctx.addIssue({ code: "custom", path: ["tool"], message: "an mcp tool needs the name of the server's tool" });
  });

export const toolsConfigSchema = z.object({ tools: z.array(toolDefinitionSchema).default([]) }).strict();

export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;
export type ToolKind = (typeof TOOL_KINDS)[number];
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;

export const toolsKind = {
  kind: "tools",
  label: "Tools",
  icon: "wrench",
  color: "#0891b2",
  description: "Runs the tool calls of the last model message and appends their results.",
  configSchema: toolsConfigSchema,
  defaults: (): ToolsConfig => ({ tools: [] }),
} as const;
