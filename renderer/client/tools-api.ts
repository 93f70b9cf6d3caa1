import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { requestJson } from "./request";

/** What "Try it" got back: the tool message the model would see, and for http tools the status. */
export interface ToolTryAnswer {
  ok: boolean;
  content: string;
  status?: number;
  duration_ms: number;
}

export type McpServerState = "not-started" | "starting" | "running" | "exited" | "failed";

export interface McpServerInfo {
  name: string;
  transport: "stdio" | "http";
  state: McpServerState;
  /** Why it failed to start, with its stderr. */
  error?: string;
}

export interface McpToolInfo {
  name: string;
  description: string;
  /** The tool's JSON schema for its arguments (tools/list inputSchema). */
  inputSchema: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } | undefined;
}

/** A secret a tool may use as {{secrets.NAME}}: its name and where it is set, never its value. */
export interface SecretNameInfo {
  name: string;
  source: "settings" | "env";
}

/** The editor's tool routes: Try it, the workspace's MCP servers and their live tools, secret names. */
export const toolsApi = {
  tryTool: (tool: ToolDefinition, args: Record<string, unknown>) => requestJson<ToolTryAnswer>("POST", "/switchyard/tools/try", { tool, args }),
  mcpServers: () => requestJson<{ servers: McpServerInfo[] }>("GET", "/switchyard/mcp/servers"),
  /** Starts the server when it is not running; a 422 says why it failed (with its stderr). */
  mcpServerTools: (server: string) => requestJson<{ server: string; tools: McpToolInfo[] }>("GET", `/switchyard/mcp/servers/${encodeURIComponent(server)}/tools`),
  secretNames: () => requestJson<{ secrets: SecretNameInfo[] }>("GET", "/switchyard/secrets"),
};
