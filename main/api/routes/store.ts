import type { Item } from "@langchain/langgraph";
import { Hono } from "hono";
import { z } from "zod";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, UnprocessableError } from "../errors";

const namespaceSchema = z.array(z.string(), { error: "must be a list of labels" });

const putSchema = z
  .object({
    namespace: namespaceSchema,
    key: z.string({ error: "required: the item's key" }).min(1, "required: the item's key"),
    value: z.record(z.string(), z.unknown(), { error: "must be an object" }),
  })
  .loose();

const deleteSchema = z.object({ namespace: namespaceSchema.nullish(), key: z.string({ error: "required: the item's key" }) }).loose();

const searchSchema = z
  .object({
    namespace_prefix: namespaceSchema.nullish(),
    filter: z.record(z.string(), z.unknown()).nullish(),
    limit: z.number().int().min(1).max(1000).nullish(),
    offset: z.number().int().min(0).nullish(),
    query: z.string().nullish(),
  })
  .loose();

const namespacesSchema = z
  .object({
    prefix: namespaceSchema.nullish(),
    suffix: namespaceSchema.nullish(),
    max_depth: z.number().int().min(1).nullish(),
    limit: z.number().int().min(1).max(1000).nullish(),
    offset: z.number().int().min(0).nullish(),
  })
  .loose();

/** The Store API (LangGraph's long-term memory): the same store graphs get as `runtime.store`. */
export function storeRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.put("/store/items", async (c) => {
    const body = parseBody(putSchema, await readJsonObject(c));
    await ctx.store.put(checkNamespace(body.namespace, "namespace"), body.key, body.value);
    return c.body(null, 204);
  });

  app.get("/store/items", async (c) => {
    const key = c.req.query("key");
    if (!key) throw new BadRequestError("key: required (the item's key)");
    const raw = c.req.query("namespace");
    if (!raw) throw new BadRequestError(`namespace: required (the item's labels joined with ".", e.g. ?namespace=memories.user-1&key=${encodeURIComponent(key)})`);
    const namespace = checkNamespace(raw.split("."), "namespace");
    return c.json(wireItem(await ctx.store.get(namespace, key)));
  });

  app.delete("/store/items", async (c) => {
    const body = parseBody(deleteSchema, await readJsonObject(c));
    await ctx.store.delete(checkNamespace(body.namespace ?? [], "namespace", true), body.key);
    return c.body(null, 204);
  });

  app.post("/store/items/search", async (c) => {
    const body = parseBody(searchSchema, await readJsonObject(c));
    const prefix = checkNamespace(body.namespace_prefix ?? [], "namespace_prefix", true);
    const items = await ctx.store.search(prefix, { filter: body.filter ?? undefined, limit: body.limit ?? 10, offset: body.offset ?? 0, query: body.query ?? undefined });
    return c.json({ items: items.map(wireItem) });
  });

  app.post("/store/namespaces", async (c) => {
    const body = parseBody(namespacesSchema, await readJsonObject(c));
    const namespaces = await ctx.store.listNamespaces({
      prefix: body.prefix ? checkNamespace(body.prefix, "prefix") : undefined,
      suffix: body.suffix ? checkNamespace(body.suffix, "suffix") : undefined,
      maxDepth: body.max_depth ?? undefined,
      limit: body.limit ?? 100,
      offset: body.offset ?? 0,
    });
    // LangGraph's InMemoryStore keeps a namespace after its last item is deleted: list only those
    // with items at or below them.
    const live = await Promise.all(namespaces.map(async (namespace) => (await ctx.store.search(namespace, { limit: 1 })).length > 0));
    return c.json({ namespaces: namespaces.filter((_, index) => live[index]) });
  });

  return app;
}

/** Labels are joined with "." in GET query strings and with ":" inside the store: neither may appear in one. */
function checkNamespace(namespace: string[], field: string, emptyAllowed = false): string[] {
  if (namespace.length === 0 && !emptyAllowed) throw new BadRequestError(`${field}: required (a list of labels, e.g. ["memories", "user-1"])`);
  for (const label of namespace) {
    if (!label || label.includes(".") || label.includes(":")) {
      throw new UnprocessableError(`${field}: labels cannot be empty or contain "." or ":" (got ${JSON.stringify(namespace)})`);
    }
  }
  return namespace;
}

function wireItem(item: (Item & { score?: number }) | null) {
  if (!item) return null;
  const { createdAt, updatedAt, ...rest } = item;
  return { ...rest, created_at: new Date(createdAt).toISOString(), updated_at: new Date(updatedAt).toISOString() };
}
