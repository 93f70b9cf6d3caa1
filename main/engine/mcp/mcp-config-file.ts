import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { MCP_CONFIG_FILE, parseMcpConfigText, type McpConfig } from "../../../shared/mcp-config";
import { formatProblem } from "../../../shared/problem";

export class McpConfigError extends Error {
  override name = "McpConfigError";
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file} cannot be used: ${problems.join("; ")}`);
  }
}

/** The workspace's mcp.json as on disk now (re-read when its size or mtime changes); no file is no servers. */
export class McpConfigFile {
  readonly path: string;
  private cached?: { key: string; config: McpConfig; text: string };

  constructor(workspaceDir: string) {
    this.path = join(workspaceDir, MCP_CONFIG_FILE);
  }

  async read(): Promise<McpConfig> {
    const info = await stat(this.path).catch(() => undefined);
    if (!info?.isFile()) return { mcpServers: {} };
    const key = `${info.mtimeMs}:${info.size}:${info.ino}`;
    if (this.cached?.key === key) return this.cached.config;
    const text = await readFile(this.path, "utf8");
    const parsed = parseMcpConfigText(text);
    if (!parsed.ok) throw new McpConfigError(this.path, parsed.problems.map(formatProblem));
    this.cached = { key, config: parsed.config, text };
    return parsed.config;
  }
}
