import { Hono } from "hono";
import { z } from "zod";
import type { GraphFileResponse, WorkspaceInfo } from "../../../shared/api";
import { validateGraphDoc } from "../../../shared/graph-validate";
import { workspaceGraphs } from "../../engine";
import { checkGraphName } from "../../workspace/graph-files";
import type { GraphEntry } from "../../workspace/workspace";
import type { WorkspaceWatcher } from "../../workspace/workspace-watch";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { sseResponse } from "../sse";
import { codeGraphInfos, projectInfo, subscribeProjectReloads } from "./code-graph-info";

const nameSchema = z.object({ to: z.string({ error: "required: the new graph name" }).min(1) }).loose();

/** The editor's routes under /switchyard/: the workspace, graph files, validation and change events. */
export function editorRoutes(ctx: ServerContext, watcher: WorkspaceWatcher): Hono {
  const app = new Hono();
  const ws = ctx.workspace;

  app.get("/switchyard/workspace", async (c) => {
    const graphs = await ws.listGraphs();
    const info: WorkspaceInfo = {
      name: ws.name,
      path: ws.dir,
      graphs: [
        ...graphs.map((entry) => ({ name: entry.name, file: `${entry.name}.graph.json`, valid: entry.doc !== undefined && entry.problems.length === 0, problems: entry.problems })),
        ...codeGraphInfos(ctx),
      ],
      ...(ctx.project ? { project: projectInfo(ctx.project) } : {}),
    };
    return c.json(info);
  });

  app.get("/switchyard/graphs/:name", async (c) => c.json(fileResponse(await ws.requireGraph(checkGraphName(c.req.param("name"))))));

  app.put("/switchyard/graphs/:name", async (c) => {
    const name = checkGraphName(c.req.param("name"));
    const body = parseBody(z.object({ doc: z.unknown(), baseHash: z.string().optional() }).loose(), await readJsonObject(c));
    const saved = await ws.saveGraph(name, body.doc, body.baseHash);
    return c.json({ hash: saved.hash, problems: saved.problems });
  });

  app.post("/switchyard/graphs", async (c) => {
    const body = parseBody(z.object({ name: z.string({ error: "required: the graph name" }).min(1), doc: z.unknown().optional() }).loose(), await readJsonObject(c));
    const created = await ws.createGraph(checkGraphName(body.name), body.doc);
    return c.json(fileResponse(created), 201);
  });

  app.post("/switchyard/graphs/:name/rename", async (c) => {
    const { to } = parseBody(nameSchema, await readJsonObject(c));
    return c.json(fileResponse(await ws.renameGraph(checkGraphName(c.req.param("name")), checkGraphName(to))));
  });

  app.post("/switchyard/graphs/:name/duplicate", async (c) => {
    const { to } = parseBody(nameSchema, await readJsonObject(c));
    return c.json(fileResponse(await ws.duplicateGraph(checkGraphName(c.req.param("name")), checkGraphName(to))), 201);
  });

  app.delete("/switchyard/graphs/:name", async (c) => {
    await ws.deleteGraph(checkGraphName(c.req.param("name")));
    return c.body(null, 204);
  });

  app.post("/switchyard/validate", async (c) => {
    const body = await readJsonObject(c);
    // With the workspace's graphs, subgraph nodes are checked too (graph exists, no cycle, shared fields agree).
    return c.json({ problems: validateGraphDoc(body.doc, await workspaceGraphs(ws)).problems });
  });

  app.get("/switchyard/events", () => {
    let unsubscribe = () => {};
    return sseResponse(
      (writer) => {
        const stopFiles = watcher.subscribe((event) => writer.send(event));
        const stopProject = subscribeProjectReloads(ctx, (event) => writer.send(event));
        unsubscribe = () => {
          stopFiles();
          stopProject();
        };
      },
      { onDisconnect: () => unsubscribe() },
    );
  });

  return app;
}

function fileResponse(entry: GraphEntry): GraphFileResponse {
  return { name: entry.name, doc: entry.doc ?? null, text: entry.text, problems: entry.problems, hash: entry.hash };
}
