import { loadMcpTools } from "@langchain/mcp-adapters";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { DynamicStructuredTool } from "@langchain/core/tools";
import { resolve } from "node:path";
import { isStdioServer, type McpServerConfig } from "../../../shared/mcp-config";
import { redactSecrets } from "../../settings/redact";
import { UnknownSecretError, type SecretSource } from "../../settings/secrets";

/** How much of a server's stderr is kept to explain why it failed. */
const STDERR_TAIL_BYTES = 4000;
const START_TIMEOUT_MS = 20_000;

export class McpServerFailedError extends Error {
  override name = "McpServerFailedError";
  constructor(readonly server: string, reason: string, readonly stderr: string) {
    super(`MCP server "${server}" ${reason}${stderr ? `; its stderr: ${stderr}` : " (it wrote nothing to stderr)"}`);
  }
}

/** One running MCP server (a child process over stdio, or a streamable HTTP endpoint) and its tools. */
export class McpConnection {
  private client?: Client;
  private transport?: Transport;
  private stderrTail = "";
  private closedBy?: string;
  private secretValues: string[] = [];
  tools: DynamicStructuredTool[] = [];

  constructor(
    readonly name: string,
    readonly config: McpServerConfig,
    private readonly workspaceDir: string,
    private readonly secrets: SecretSource,
  ) {}

  /** False once the server has gone away (exited, or closed by us): the next use starts a new one. */
  get alive(): boolean {
    return this.client !== undefined && this.closedBy === undefined;
  }

  /** True once its start has finished, successfully or not. */
  get started(): boolean {
    return this.client !== undefined || this.closedBy !== undefined;
  }

  async start(): Promise<void> {
    const transport = this.createTransport();
    this.transport = transport;
    const client = new Client({ name: "switchyard", version: "0.1.0" });
    client.onclose = () => {
      this.closedBy ??= "stopped";
    };
    try {
      await client.connect(transport, { timeout: START_TIMEOUT_MS });
      this.client = client;
      this.tools = await loadMcpTools(this.name, client, { throwOnLoadError: false });
    } catch (error) {
      await client.close().catch(() => {});
      throw this.failure(`failed to start: ${(error as Error).message}`);
    }
  }

  /** The error a call or a start reports: what happened and what the server said on stderr. */
  failure(reason: string): McpServerFailedError {
    const secrets = [...this.secretValues, ...this.secrets.values()];
    return new McpServerFailedError(this.name, redactSecrets(reason, secrets), redactSecrets(this.stderrTail.trim(), secrets));
  }

  async close(): Promise<void> {
    this.closedBy = "closed";
    await this.client?.close().catch(() => {});
    this.client = undefined;
  }

  private createTransport(): Transport {
    if (isStdioServer(this.config)) {
      const transport = new StdioClientTransport({
        command: this.config.command,
        args: this.config.args,
        env: { ...getDefaultEnvironment(), ...this.rendered(this.config.env) },
        cwd: resolve(this.workspaceDir, this.config.cwd ?? "."),
        stderr: "pipe",
      });
      transport.stderr?.on("data", (chunk: Buffer) => {
        this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
      });
      return transport;
    }
    return new StreamableHTTPClientTransport(new URL(this.config.url), { requestInit: { headers: this.rendered(this.config.headers) } });
  }

  /** Env values and headers with `{{secrets.NAME}}` filled in; an unknown name stops the start. */
  private rendered(values: Record<string, string>): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, template] of Object.entries(values)) {
      result[key] = template.replace(/\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_match, name: string) => {
        const value = this.secrets.get(name);
        if (value === undefined) throw new McpServerFailedError(this.name, `cannot start: ${new UnknownSecretError(name).message}`, "");
        this.secretValues.push(value);
        return value;
      });
    }
    return result;
  }
}
