import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

describe("the editor routes under /switchyard/", () => {
  let server: ServerProcess;
  let workspace: ReturnType<typeof makeWorkspace>;
  let request: ReturnType<typeof http>;

  beforeAll(async () => {
    workspace = makeWorkspace();
    server = await startServerProcess(workspace.dir);
    request = http(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
  });

  it("describes the workspace and reads a graph with its hash", async () => {
    const info = (await request("GET", "/switchyard/workspace")).json;
    expect(info.path).toBe(workspace.dir);
    expect(info.graphs).toContainEqual({ name: "agent", file: "agent.graph.json", valid: true, problems: [] });
    const graph = (await request("GET", "/switchyard/graphs/agent")).json;
    expect(graph.text).toBe(readFileSync(join(workspace.dir, "agent.graph.json"), "utf8"));
    expect(graph.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(graph.doc.entry).toBe("agent");
    expect((await request("GET", "/switchyard/graphs/missing")).status).toBe(404);
  });

  it("saves with baseHash, refuses a stale baseHash, allows work in progress, rejects a broken schema", async () => {
    const { json: graph } = await request("GET", "/switchyard/graphs/agent");
    const saved = await request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, description: "edited" }, baseHash: graph.hash });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ hash: expect.any(String), problems: [] });
    const stale = await request("PUT", "/switchyard/graphs/agent", { doc: graph.doc, baseHash: graph.hash });
    expect(stale.status).toBe(409);
    const unfinished = await request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, entry: "nowhere" } });
    expect(unfinished.json.problems).toContainEqual(expect.objectContaining({ path: "entry" }));
    const broken = await request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, version: 99 } });
    expect(broken.status).toBe(422);
    expect(broken.json.problems[0].path).toBe("version");
    await request("PUT", "/switchyard/graphs/agent", { doc: graph.doc });
  });

  it("creates, renames, duplicates and deletes graphs", async () => {
    expect((await request("POST", "/switchyard/graphs", { name: "draft" })).status).toBe(201);
    expect((await request("POST", "/switchyard/graphs", { name: "draft" })).status).toBe(409);
    expect((await request("POST", "/switchyard/graphs", { name: "../evil" })).status).toBe(400);
    const renamed = await request("POST", "/switchyard/graphs/draft/rename", { to: "plan" });
    expect(renamed.json).toMatchObject({ name: "plan", doc: { name: "plan" } });
    expect((await request("POST", "/switchyard/graphs/plan/duplicate", { to: "plan2" })).status).toBe(201);
    expect((await request("DELETE", "/switchyard/graphs/plan")).status).toBe(204);
    const names = (await request("GET", "/switchyard/workspace")).json.graphs.map((graph: any) => graph.name);
    expect(names).toContain("plan2");
    expect(names).not.toContain("plan");
    expect(names).not.toContain("draft");
  });

  it("validates a document without saving it", async () => {
    const { json: graph } = await request("GET", "/switchyard/graphs/agent");
    expect((await request("POST", "/switchyard/validate", { doc: graph.doc })).json).toEqual({ problems: [] });
    const problems = (await request("POST", "/switchyard/validate", { doc: { ...graph.doc, edges: [] } })).json.problems;
    expect(problems.length).toBeGreaterThan(0);
  });

  it("tells subscribers about edits on disk, and the next run uses the edited graph", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/switchyard/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const file = join(workspace.dir, "agent.graph.json");
    const edited = readFileSync(file, "utf8").replace("Let me ask where you are.", "Where are you, friend?");
    writeFileSync(file, edited);
    let text = "";
    while (!text.includes("graph-changed")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"name":"agent"');

    const { json: thread } = await request("POST", "/threads", {});
    const values = (await request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, interrupt_before: ["ask_human"] })).json;
    expect(values.messages.at(-1).content).toBe("Where are you, friend?");
  });
});
