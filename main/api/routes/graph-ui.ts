import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { Hono } from "hono";
import { getMimeType } from "hono/utils/mime";
import { z } from "zod";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { NotFoundError } from "../errors";

const componentSchema = z.object({ name: z.string({ error: "required: the component's name" }).min(1) });

/**
 * Generative UI of a code project (`ui` in langgraph.json), as the LangGraph.js server serves it:
 * POST /ui/{name} `{name: component}` answers the HTML that loads the bundle and renders the
 * component (what `client["~ui"].getComponent` and LoadExternalComponent use); GET
 * /ui/{name}/{file} serves the bundle's files.
 */
export function graphUiRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const ui = ctx.graphUi;
  if (!ui) return app;

  app.post("/ui/:name", async (c) => {
    const name = c.req.param("name");
    const { name: component } = parseBody(componentSchema, await readJsonObject(c));
    const bundle = (await ui.bundles()).get(name);
    if (!bundle || bundle.assets.length === 0) throw new NotFoundError(`UI not found for "${name}" (ui names: ${ui.names.join(", ") || "none"})`);
    const host = c.req.header("host") ?? "";
    // As the dev server: http for local names, protocol-relative elsewhere (the page's own scheme).
    const scheme = /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http:" : "";
    const base = `${scheme}//${host}/ui/${encodeURIComponent(name)}`;
    const globalName = `__LGUI_${name.replace(/[^a-zA-Z0-9]/g, "_")}`;
    const html = [
      ...bundle.assets.filter((file) => extname(file) === ".css").map((file) => `<link rel="stylesheet" href="${base}/${file}" />`),
      ...bundle.assets.filter((file) => extname(file) === ".js").map((file) => `<script src="${base}/${file}" onload='${globalName}.render(${JSON.stringify(component)}, "{{shadowRootId}}")'></script>`),
    ];
    return c.text(html.join("\n"), 200, { "Content-Type": "text/html" });
  });

  app.get("/ui/:name/:file", async (c) => {
    const bundle = (await ui.bundles()).get(c.req.param("name"));
    const file = c.req.param("file");
    // Only the bundle's own listed files: never a path from the request.
    if (!bundle || !bundle.assets.includes(file)) throw new NotFoundError(`UI file not found: ${c.req.param("name")}/${file}`);
    return c.body(await readFile(join(bundle.dir, file)), 200, { "Content-Type": getMimeType(file) ?? "application/octet-stream" });
  });

  return app;
}
