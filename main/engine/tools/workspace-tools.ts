import { readSettings, type UserSettings } from "../../settings/settings-file";
import { secretSource } from "../../settings/secrets";
import { McpServers } from "../mcp/mcp-servers";
import type { ToolContext } from "./tool-context";

/** A workspace's tool context: secrets from the environment and settings, and its mcp.json servers. */
export interface WorkspaceTools extends ToolContext {
  mcp: McpServers;
  /** Stops the workspace's MCP servers. */
  close(): Promise<void>;
}

export function workspaceTools(workspaceDir: string, sources: { settings?: () => UserSettings; env?: NodeJS.ProcessEnv } = {}): WorkspaceTools {
  const secrets = secretSource(sources.settings ?? (() => readSettings()), sources.env ?? process.env);
  const mcp = new McpServers(workspaceDir, secrets);
  return { secrets, mcp, close: () => mcp.close() };
}
