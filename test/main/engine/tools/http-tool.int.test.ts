import type { BaseMessage } from "@langchain/core/messages";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileCheckpointSaver } from "../../../../main/checkpoint/file-saver";
import { compileGraphDoc } from "../../../../main/engine";
import { runHttpTool } from "../../../../main/engine/tools/http-tool";
import { secretSource } from "../../../../main/settings/secrets";
import { toolDefinitionSchema, type ToolDefinition } from "../../../../shared/node-kinds/tools";
import { closedPort, startFakeHttpApi, type FakeHttpApi } from "../../../fixtures/tools/http-api";
import { toolGraph } from "./tool-graph";

const SECRET = "wk-live-7f3a9c2e11d04b6b";
const secrets = secretSource(() => ({ version: 1, keys: {}, baseUrls: {}, secrets: { WEATHER_KEY: SECRET } }), {});
const noRetryWait = { retries: 2, backoffMs: 0, maxWaitMs: 1000 };

function httpDefinition(fields: Record<string, unknown>): ToolDefinition {
  return toolDefinitionSchema.parse({ kind: "http", name: "weather", args: [{ name: "city", type: "string" }], ...fields });
}

describe("http tools against a local HTTP server", () => {
  let api: FakeHttpApi;
  let dataDir: string;
  beforeAll(async () => (api = await startFakeHttpApi()));
  afterAll(() => api.close());
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), "switchyard-http-"))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("runs in a graph: URL-encoded args, the secret header sent, resultPath read, the secret in no checkpoint", async () => {
    const tool = { kind: "http", name: "weather", args: [{ name: "city" }], method: "GET", url: `${api.url}/weather?q={{args.city}}`, headers: { Authorization: "Bearer {{secrets.WEATHER_KEY}}" } };
    const doc = toolGraph(tool, { name: "weather", args: { city: "São Paulo & Rio?" } });
    const saver = new FileCheckpointSaver(dataDir);
    try {
      const graph = compileGraphDoc(doc, { checkpointer: saver, tools: { secrets } });
      const config = { configurable: { thread_id: "http-thread" } };
      const final = (await graph.invoke({ messages: [{ role: "human", content: "weather?" }] }, config)) as { messages: BaseMessage[] };

      const hit = api.hits.find((candidate) => candidate.path === "/weather")!;
      expect(hit.query.get("q")).toBe("São Paulo & Rio?");
      expect(hit.headers.authorization).toBe(`Bearer ${SECRET}`);
      const toolMessage = final.messages.find((message) => message.getType() === "tool")!;
      // The API echoed the key back: the tool message carries it redacted.
      expect(String(toolMessage.content)).toContain("Sunny in São Paulo & Rio?");
      expect(String(toolMessage.content)).not.toContain(SECRET);
      expect(String(final.messages.at(-1)!.content)).toContain("Sunny in São Paulo");

      // Every checkpoint and pending write, read back through the saver.
      await saver.close();
      const reopened = new FileCheckpointSaver(dataDir);
      let checkpoints = 0;
      for await (const tuple of reopened.list(config)) {
        checkpoints++;
        const text = JSON.stringify([tuple.checkpoint.channel_values, tuple.pendingWrites ?? [], tuple.metadata ?? {}]);
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(SECRET.slice(0, 12));
      }
      expect(checkpoints).toBeGreaterThanOrEqual(4);
      await reopened.close();
    } finally {
      await saver.close().catch(() => {});
    }
  });

  it("gives the value at resultPath of a JSON body", async () => {
    const result = await runHttpTool(httpDefinition({ url: `${api.url}/weather?q={{args.city}}`, resultPath: "current.summary" }), { city: "Oslo" }, secrets);
    expect(result).toEqual({ ok: true, status: 200, content: "Sunny in Oslo" });
    const number = await runHttpTool(httpDefinition({ url: `${api.url}/weather?q=x`, resultPath: "current.celsius" }), {}, secrets);
    expect(number.content).toBe("21");
    const absent = await runHttpTool(httpDefinition({ url: `${api.url}/weather?q=x`, resultPath: "current.wind" }), {}, secrets);
    expect(absent).toMatchObject({ ok: false, content: 'the response has no value at "current.wind" (it stops at "wind")' });
  });

  it("turns a 404 into a tool message with the status, the host and the first 200 bytes", async () => {
    const result = await runHttpTool(httpDefinition({ url: `${api.url}/missing?q={{args.city}}` }), { city: "Atlantis" }, secrets);
    expect(result.ok).toBe(false);
    expect(result.status).toBe(404);
    expect(result.content.startsWith(`HTTP 404 from ${api.host}: no such city: Atlantis`)).toBe(true);
    expect(result.content.length).toBe(`HTTP 404 from ${api.host}: `.length + 200);
  });

  it("says so when no response comes within timeoutMs, and when the connection is refused", async () => {
    const slow = await runHttpTool(httpDefinition({ url: `${api.url}/slow`, timeoutMs: 150 }), {}, secrets);
    expect(slow).toEqual({ ok: false, content: `no response from ${api.host} within 150 ms (timeout)` });
    const port = await closedPort();
    const refused = await runHttpTool(httpDefinition({ url: `http://127.0.0.1:${port}/x` }), {}, secrets);
    expect(refused).toEqual({ ok: false, content: `connection refused by 127.0.0.1:${port}` });
  });

  it("retries GET on 503 honouring Retry-After, but never POST", async () => {
    const before = api.hits.filter((hit) => hit.path === "/flaky").length;
    const get = await runHttpTool(httpDefinition({ url: `${api.url}/flaky` }), {}, secrets, undefined, noRetryWait);
    expect(get.ok).toBe(true);
    expect(api.hits.filter((hit) => hit.path === "/flaky").length - before).toBe(2);

    const posts = () => api.hits.filter((hit) => hit.path === "/always-503" && hit.method === "POST").length;
    const post = await runHttpTool(httpDefinition({ method: "POST", url: `${api.url}/always-503`, body: "{}" }), {}, secrets, undefined, noRetryWait);
    expect(post).toMatchObject({ ok: false, status: 503 });
    expect(posts()).toBe(1);
    const gets = () => api.hits.filter((hit) => hit.path === "/always-503" && hit.method === "GET").length;
    await runHttpTool(httpDefinition({ url: `${api.url}/always-503` }), {}, secrets, undefined, noRetryWait);
    expect(gets()).toBe(3);
  });

  it("cuts a body over 100 kB with a note, and sends a JSON body with its arguments escaped", async () => {
    const big = await runHttpTool(httpDefinition({ url: `${api.url}/big` }), {}, secrets);
    expect(big.content.startsWith("x".repeat(100_000))).toBe(true);
    expect(big.content.slice(100_000)).toBe("\n[cut at 100 kB: the response was 150000 bytes]");

    const echo = await runHttpTool(httpDefinition({ method: "POST", url: `${api.url}/echo`, body: '{"city": "{{args.city}}"}' }), { city: 'say "hi"' }, secrets);
    const sent = JSON.parse(echo.content) as { body: string; contentType: string };
    expect(JSON.parse(sent.body)).toEqual({ city: 'say "hi"' });
    expect(sent.contentType).toBe("application/json");
  });

  it("names a secret that is not set, without calling the API", async () => {
    const count = api.hits.length;
    const result = await runHttpTool(httpDefinition({ url: `${api.url}/weather`, headers: { "X-Key": "{{secrets.NOT_SET_ANYWHERE}}" } }), {}, secrets);
    expect(result).toEqual({ ok: false, content: 'no secret "NOT_SET_ANYWHERE": set the environment variable NOT_SET_ANYWHERE or add it under Settings > Secrets' });
    expect(api.hits.length).toBe(count);
  });
});
