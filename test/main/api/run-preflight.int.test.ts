import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

/** A run of a graph that cannot work on this machine is refused before it starts, naming the node. */
describe("runs are checked before they start", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess;
  const saved = { key: process.env.OPENAI_API_KEY, settings: process.env.SWITCHYARD_SETTINGS };

  beforeAll(async () => {
    workspace = makeWorkspace();
    const doc = JSON.parse(readFileSync(join(workspace.dir, "agent.graph.json"), "utf8"));
    const agent = doc.nodes.find((node: { id: string }) => node.id === "agent");
    agent.config = { ...agent.config, provider: "openai", model: "gpt-4o-mini" };
    doc.name = "keyless";
    writeFileSync(join(workspace.dir, "keyless.graph.json"), JSON.stringify(doc));
    delete process.env.OPENAI_API_KEY;
    process.env.SWITCHYARD_SETTINGS = join(workspace.dir, "no-settings.json");
    server = await startServerProcess(workspace.dir);
  });

  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
    if (saved.key !== undefined) process.env.OPENAI_API_KEY = saved.key;
    if (saved.settings === undefined) delete process.env.SWITCHYARD_SETTINGS;
    else process.env.SWITCHYARD_SETTINGS = saved.settings;
  });

  it("answers 422 naming the llm node without a key, and leaves the thread idle with no checkpoint", async () => {
    const thread = (await (await fetch(`${server.url}/threads`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json()) as { thread_id: string };
    const response = await fetch(`${server.url}/threads/${thread.thread_id}/runs/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "keyless", input: { messages: [{ role: "human", content: "hi" }] }, stream_mode: ["updates"] }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: string; problems: unknown[] };
    expect(body.detail).toMatch(/llm node "agent".*OPENAI_API_KEY/);
    expect(body.problems).toEqual([expect.objectContaining({ nodeId: "agent", path: expect.stringContaining("nodes[") })]);
    const after = (await (await fetch(`${server.url}/threads/${thread.thread_id}`)).json()) as { status: string };
    expect(after.status).toBe("idle");
    const history = await (await fetch(`${server.url}/threads/${thread.thread_id}/history`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json();
    expect(history).toEqual([]);
  });

  it("still runs the scripted seed graph", async () => {
    const response = await fetch(`${server.url}/runs/wait`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] } }),
    });
    expect(response.status).toBe(200);
  });
});
