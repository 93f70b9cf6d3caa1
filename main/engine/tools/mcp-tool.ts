import type { RunnableConfig } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { redactSecrets } from "../../settings/redact";
import { tapedToolCall } from "../recording/taped-tool";
import { McpServerFailedError } from "../mcp/mcp-connection";
import { UnknownMcpServerError, UnknownMcpToolError } from "../mcp/mcp-servers";
import type { ToolContext } from "./tool-context";

export class NoMcpServersError extends Error {
  override name = "NoMcpServersError";
  constructor(readonly toolName: string) {
    super(`mcp tool "${toolName}" needs the workspace's MCP servers, which this run was started without`);
  }
}

/**
 * One tool of an MCP server under the entry's name. The server is reached when the tool runs (so
 * a restarted server is picked up); a server that is down or a call that fails is a tool message.
 */
export function mcpTool(definition: ToolDefinition, context: ToolContext) {
  return tool(async (args: Record<string, unknown>, config?: RunnableConfig) => tapedToolCall(definition.name, args, config, async () => (await callMcpTool(definition, context, args, config)).content), {
    name: definition.name,
    description: definition.description || `${definition.tool} (MCP server ${definition.server})`,
    // The server's own schema checks the arguments (through the adapter's tool) when it runs.
    schema: z.record(z.string(), z.unknown()),
  });
}

/** One call of the server's tool: its content, or (ok false) the message saying why it failed, which the model gets as the tool message. */
export async function callMcpTool(definition: ToolDefinition, context: ToolContext, args: Record<string, unknown>, config?: RunnableConfig): Promise<{ ok: boolean; content: string | unknown[] }> {
  const mcp = context.mcp;
  if (!mcp) return { ok: false, content: new NoMcpServersError(definition.name).message };
  const server = definition.server!;
  try {
    const serverTool = await mcp.tool(server, definition.tool!);
    const result: unknown = await serverTool.invoke(args, { signal: config?.signal });
    return { ok: true, content: typeof result === "string" ? redactSecrets(result, context.secrets.values()) : (result as unknown[]) };
  } catch (error) {
    if (config?.signal?.aborted) throw error;
    const known = error instanceof McpServerFailedError || error instanceof UnknownMcpServerError || error instanceof UnknownMcpToolError;
    const failure = known ? error : await mcp.failureOf(server, `could not run "${definition.tool}": ${messageOf(error)}`);
    return { ok: false, content: redactSecrets(failure.message, context.secrets.values()) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the model is bound to for an mcp tool: the entry's name with the server's description and argument schema. */
export async function mcpToolSpec(definition: ToolDefinition, context: ToolContext): Promise<{ name: string; description: string; schema: Record<string, unknown> }> {
  if (!context.mcp) throw new NoMcpServersError(definition.name);
  const serverTool = await context.mcp.tool(definition.server!, definition.tool!);
  return { name: definition.name, description: definition.description || serverTool.description, schema: serverTool.schema as Record<string, unknown> };
}
