import type { DynamicStructuredTool } from "@langchain/core/tools";
import type { McpConfig } from "../../../shared/mcp-config";
import type { SecretSource } from "../../settings/secrets";
import { McpConfigFile } from "./mcp-config-file";
import { McpConnection, McpServerFailedError } from "./mcp-connection";

export class UnknownMcpServerError extends Error {
  override name = "UnknownMcpServerError";
  constructor(readonly server: string, readonly known: string[]) {
    super(`no MCP server "${server}" in mcp.json${known.length > 0 ? ` (it declares: ${known.join(", ")})` : " (it declares none)"}`);
  }
}

export class UnknownMcpToolError extends Error {
  override name = "UnknownMcpToolError";
  constructor(readonly server: string, readonly tool: string, readonly known: string[]) {
    super(`MCP server "${server}" has no tool "${tool}" (it lists: ${known.join(", ") || "no tools"})`);
  }
}

/** What "Add tools from server..." lists: a tool of a running server, as its tools/list describes it. */
export interface McpToolInfo {
  name: string;
  description: string;
  inputSchema: unknown;
}

/** Where a server of mcp.json stands: never started (or stopped since), starting, running, or failed to start (why, with its stderr). */
export type McpServerStatus = { state: "not-started" | "starting" | "running" | "exited" } | { state: "failed"; error: string };

/**
 * The MCP servers of one workspace: one client per server, started on first use, started again
 * after it exits, restarted when its entry in mcp.json changes, and stopped with the server.
 */
export class McpServers {
  private readonly file: McpConfigFile;
  private readonly connections = new Map<string, { entry: string; connection: McpConnection; ready: Promise<McpConnection>; failure?: Error }>();

  constructor(
    readonly workspaceDir: string,
    private readonly secrets: SecretSource,
  ) {
    this.file = new McpConfigFile(workspaceDir);
  }

  config(): Promise<McpConfig> {
    return this.file.read();
  }

  async serverNames(): Promise<string[]> {
    return Object.keys((await this.config()).mcpServers).sort();
  }

  /** The server's tools; starts the server when it is not running. Throws McpServerFailedError with its stderr. */
  async tools(server: string): Promise<DynamicStructuredTool[]> {
    return (await this.connection(server)).tools;
  }

  async toolInfos(server: string): Promise<McpToolInfo[]> {
    return (await this.tools(server)).map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.schema }));
  }

  async tool(server: string, name: string): Promise<DynamicStructuredTool> {
    const tools = await this.tools(server);
    const found = tools.find((tool) => tool.name === name);
    if (!found) throw new UnknownMcpToolError(server, name, tools.map((tool) => tool.name));
    return found;
  }

  /** Why a call failed: as is while the server runs; with its stderr when it has gone away. */
  async failureOf(server: string, reason: string): Promise<Error> {
    const current = this.connections.get(server)?.connection;
    if (current?.alive) return new Error(reason);
    return current ? current.failure(`stopped: ${reason}`) : new McpServerFailedError(server, reason, "");
  }

  /** The server's status as of now, without starting it (its entry is current in mcp.json). */
  status(server: string, entry: McpConfig["mcpServers"][string]): McpServerStatus {
    const held = this.connections.get(server);
    if (!held || held.entry !== JSON.stringify(entry)) return { state: "not-started" };
    if (held.failure) return { state: "failed", error: held.failure.message };
    if (held.connection.alive) return { state: "running" };
    return { state: held.connection.started ? "exited" : "starting" };
  }

  /** Re-reads mcp.json: servers whose entry changed or went away are stopped (and start again on next use). */
  async reload(): Promise<void> {
    const servers: McpConfig["mcpServers"] = await this.config().then(
      (config) => config.mcpServers,
      () => ({}),
    );
    for (const [name, held] of [...this.connections]) {
      const entry = servers[name];
      if (entry && JSON.stringify(entry) === held.entry) continue;
      this.connections.delete(name);
      await held.connection.close();
    }
  }

  async close(): Promise<void> {
    const held = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(held.map((item) => item.connection.close()));
  }

  private async connection(server: string): Promise<McpConnection> {
    const servers = (await this.config()).mcpServers;
    const config = servers[server];
    if (!config) throw new UnknownMcpServerError(server, Object.keys(servers).sort());
    const entry = JSON.stringify(config);
    const held = this.connections.get(server);
    if (held?.entry === entry) {
      const running = await held.ready.catch(() => undefined);
      if (running?.alive) return running;
      // Another caller replaced it meanwhile: use that one.
      if (this.connections.get(server) !== held) return this.connection(server);
    }
    // Not started yet, its entry changed, it exited, or its start failed: a failed start is tried
    // again on the next use, so a fixed server needs no restart of Switchyard. The new client is
    // registered before anything is awaited, so concurrent callers share it.
    const connection = new McpConnection(server, config, this.workspaceDir, this.secrets);
    const ready = connection.start().then(() => connection);
    const record: { entry: string; connection: McpConnection; ready: Promise<McpConnection>; failure?: Error } = { entry, connection, ready };
    ready.catch((error: Error) => (record.failure = error));
    this.connections.set(server, record);
    if (held) await held.connection.close();
    return ready;
  }
}
