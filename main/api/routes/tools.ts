import { Hono } from "hono";
import { z } from "zod";
import { isStdioServer } from "../../../shared/mcp-config";
import { toolDefinitionSchema, type ToolDefinition } from "../../../shared/node-kinds/tools";
import { McpConfigError } from "../../engine/mcp/mcp-config-file";
import { McpServerFailedError } from "../../engine/mcp/mcp-connection";
import { UnknownMcpServerError } from "../../engine/mcp/mcp-servers";
import { toolOf } from "../../engine/tools";
import { callMcpTool } from "../../engine/tools/mcp-tool";
import { HttpToolCancelledError, runHttpTool } from "../../engine/tools/http-tool";
import { redactSecrets } from "../../settings/redact";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { ApiError } from "../errors";

const tryHttpSchema = z
  .object({
    /** The tool entry as the inspector has it now (saved or not). */
    tool: toolDefinitionSchema,
    /** Sample arguments, by the tool's argument names. */
    args: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/**
 * The editor's tool routes: "Try it" for an http, code or mcp tool (the same call a run makes,
 * secrets by name, the answer as the model would see it), and the workspace's MCP servers with
 * their status and live tools.
 */
export function toolRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/switchyard/tools/try", async (c) => {
    const body = parseBody(tryHttpSchema, await readJsonObject(c));
    if (body.tool.kind === "mock") throw new ApiError(400, `"Try it" calls http, code and mcp tools; "${body.tool.name}" is a mock tool`);
    const started = Date.now();
    if (body.tool.kind !== "http") return c.json({ ...(await tryTool(ctx, body.tool, body.args, c.req.raw.signal)), duration_ms: Date.now() - started });
    try {
      const result = await runHttpTool(body.tool, body.args, ctx.tools.secrets, c.req.raw.signal);
      return c.json({ ...result, duration_ms: Date.now() - started });
    } catch (error) {
      if (error instanceof HttpToolCancelledError) throw new ApiError(400, error.message);
      throw error;
    }
  });

  app.get("/switchyard/mcp/servers", async (c) => {
    const config = await mcpConfig(ctx);
    const servers = Object.entries(config.mcpServers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, server]) => ({ name, transport: isStdioServer(server) ? "stdio" : "http", ...ctx.tools.mcp.status(name, server) }));
    return c.json({ servers });
  });

  app.get("/switchyard/mcp/servers/:name/tools", async (c) => {
    const name = c.req.param("name");
    try {
      return c.json({ server: name, tools: await ctx.tools.mcp.toolInfos(name) });
    } catch (error) {
      if (error instanceof UnknownMcpServerError) throw new ApiError(404, error.message);
      if (error instanceof McpServerFailedError || error instanceof McpConfigError) throw new ApiError(422, error.message);
      throw error;
    }
  });

  return app;
}

async function mcpConfig(ctx: ServerContext) {
  try {
    return await ctx.tools.mcp.config();
  } catch (error) {
    if (error instanceof McpConfigError) throw new ApiError(422, error.message);
    throw error;
  }
}

/**
 * A code or mcp tool called as a tools node calls it: the tool message the model would get. A
 * failure is what LangGraph's ToolNode would write into the tool message ("Error: ...").
 */
async function tryTool(ctx: ServerContext, tool: ToolDefinition, args: Record<string, unknown>, signal: AbortSignal): Promise<{ ok: boolean; content: string }> {
  try {
    if (tool.kind === "mcp") {
      // A failing mcp call is a tool message (so a run goes on); here it is a failed try.
      const answer = await callMcpTool(tool, ctx.tools, args, { signal });
      return { ok: answer.ok, content: typeof answer.content === "string" ? answer.content : textOf(answer.content) };
    }
    const result: unknown = await toolOf(tool, "try-it", ctx.tools).invoke(args, { signal });
    return { ok: true, content: redactSecrets(typeof result === "string" ? result : textOf(result), ctx.tools.secrets.values()) };
  } catch (error) {
    if (signal.aborted) throw new ApiError(400, `"Try it" of "${tool.name}" was cancelled`);
    return { ok: false, content: redactSecrets(`Error: ${(error as Error).message}`, ctx.tools.secrets.values()) };
  }
}

/** An MCP tool's content blocks as the text a model reads (text blocks joined; others as JSON). */
function textOf(result: unknown): string {
  if (!Array.isArray(result)) return JSON.stringify(result) ?? "";
  return result.map((block: { type?: string; text?: string }) => (block?.type === "text" && typeof block.text === "string" ? block.text : JSON.stringify(block))).join("\n");
}
