import { secretSource, type SecretSource } from "../../settings/secrets";
import type { McpServers } from "../mcp/mcp-servers";

/** What tools reach beyond the graph with: secrets by name, and the workspace's MCP servers. */
export interface ToolContext {
  secrets: SecretSource;
  /** Absent where no workspace is open: mcp tools then say so in their tool message. */
  mcp?: McpServers;
}

export const defaultToolContext: ToolContext = { secrets: secretSource() };
