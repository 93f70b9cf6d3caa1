import { z } from "zod";
import { formatPath, type Problem } from "./problem";

/**
 * The workspace's MCP servers (`mcp.json` at its root), in the shape other MCP clients use:
 * `{"mcpServers": {"files": {"command": "node", "args": ["./files-server.mjs"], "env": {...}},
 *   "remote": {"url": "http://127.0.0.1:9000/mcp", "headers": {...}}}}`.
 * Env values and headers may name secrets as `{{secrets.NAME}}`; nothing else is a template.
 */
export const MCP_CONFIG_FILE = "mcp.json";

export const mcpServerNameSchema = z.string().regex(/^[a-zA-Z_][\w-]{0,63}$/, "a server name is letters, digits, _ or -, starting with a letter");

export const stdioServerSchema = z
  .object({
    command: z.string().min(1, "name the program that starts the server, e.g. node"),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    /** Relative to the workspace folder (default: the workspace folder). */
    cwd: z.string().optional(),
  })
  .strict();

export const httpServerSchema = z
  .object({
    url: z.string().url("the url of a streamable HTTP MCP endpoint, e.g. http://127.0.0.1:9000/mcp"),
    headers: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const mcpServerSchema = z.union([stdioServerSchema, httpServerSchema], { error: "a server is {command, args, env} (stdio) or {url, headers} (streamable HTTP)" });

export const mcpConfigSchema = z.object({ mcpServers: z.record(mcpServerNameSchema, mcpServerSchema).default({}) }).strict();

export type McpConfig = z.infer<typeof mcpConfigSchema>;
export type McpServerConfig = z.infer<typeof mcpServerSchema>;
export type StdioServerConfig = z.infer<typeof stdioServerSchema>;

export function isStdioServer(server: McpServerConfig): server is StdioServerConfig {
  return "command" in server;
}

export type ParsedMcpConfig = { ok: true; config: McpConfig } | { ok: false; problems: Problem[] };

export function parseMcpConfigText(text: string): ParsedMcpConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: MCP_CONFIG_FILE, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = mcpConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: `${MCP_CONFIG_FILE}:${formatPath(issue.path)}`, message: issue.message })) };
}
