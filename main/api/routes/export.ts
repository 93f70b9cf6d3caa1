import { Hono } from "hono";
import { z } from "zod";
import type { GraphDoc } from "../../../shared/graph-doc";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { validateGraphDoc, type WorkspaceGraphs } from "../../../shared/graph-validate";
import { MCP_CONFIG_FILE } from "../../../shared/mcp-config";
import { workspaceGraphs } from "../../engine";
import { exportGraphDoc, exportLanguages } from "../../export";
import { withMcpConfig } from "../../export/tool-kinds";
import { checkGraphName } from "../../workspace/graph-files";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { ApiError } from "../errors";

const exportRequestSchema = z
  .object({
    /** A graph of the workspace by name, or a whole (possibly unsaved) document. */
    graph: z.union([z.string().min(1), z.record(z.string(), z.unknown())], { error: "required: a graph name or a graph document" }),
    lang: z.enum(exportLanguages, { error: `must be one of ${exportLanguages.join(", ")}` }),
  })
  .loose();

/** POST /switchyard/export {graph, lang} -> {files: [{path, content}]}: the renderer offers them as a download. */
export function exportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.post("/switchyard/export", async (c) => {
    const body = parseBody(exportRequestSchema, await readJsonObject(c));
    // The workspace's graphs: what subgraph nodes run (each becomes a module of the project).
    const graphs = await workspaceGraphs(ctx.workspace);
    const doc = typeof body.graph === "string" ? await savedGraph(ctx, body.graph, graphs) : checkedDoc(body.graph, graphs);
    const mcpConfig = await readFile(join(ctx.workspace.dir, MCP_CONFIG_FILE), "utf8").catch(() => undefined);
    return c.json({ files: withMcpConfig(exportGraphDoc(doc, body.lang, graphs), doc, mcpConfig) });
  });
  return app;
}

async function savedGraph(ctx: ServerContext, name: string, graphs: WorkspaceGraphs): Promise<GraphDoc> {
  const entry = await ctx.workspace.requireGraph(checkGraphName(name));
  return checkedDoc(entry.doc ?? entry.text, graphs);
}

function checkedDoc(value: unknown, graphs: WorkspaceGraphs): GraphDoc {
  const result = validateGraphDoc(value, graphs);
  if (!result.ok) throw new ApiError(422, "the graph has problems to fix before it can be exported", result.problems);
  return result.doc;
}
