import { Hono } from "hono";
import { z } from "zod";
import { isStdioServer } from "../../../shared/mcp-config";
import { toolDefinitionSchema } from "../../../shared/node-kinds/tools";
import { McpConfigError } from "../../engine/mcp/mcp-config-file";
import { McpServerFailedError } from "../../engine/mcp/mcp-connection";
import { UnknownMcpServerError } from "../../engine/mcp/mcp-servers";
import { HttpToolCancelledError, runHttpTool } from "../../engine/tools/http-tool";
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
 * The editor's tool routes: "Try it" for an http tool (the same call a run makes, secrets by
 * name, the answer as the model would see it), and the workspace's MCP servers with their live tools.
 */
export function toolRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post("/switchyard/tools/try", async (c) => {
    const body = parseBody(tryHttpSchema, await readJsonObject(c));
    if (body.tool.kind !== "http") throw new ApiError(400, `"Try it" calls http tools; "${body.tool.name}" is a ${body.tool.kind} tool`);
    const started = Date.now();
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
      .map(([name, server]) => ({ name, transport: isStdioServer(server) ? "stdio" : "http" }));
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
