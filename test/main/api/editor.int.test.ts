import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { servedWorkspace } from "./server-process";

describe("the editor routes under /switchyard/", () => {
  const live = servedWorkspace();

  it("describes the workspace and reads a graph with its hash", async () => {
    const info = (await live.request("GET", "/switchyard/workspace")).json;
    expect(info.path).toBe(live.workspace.dir);
    expect(info.graphs).toContainEqual({ name: "agent", file: "agent.graph.json", valid: true, problems: [] });
    const graph = (await live.request("GET", "/switchyard/graphs/agent")).json;
    expect(graph.text).toBe(readFileSync(join(live.workspace.dir, "agent.graph.json"), "utf8"));
    expect(graph.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(graph.doc.entry).toBe("agent");
    expect((await live.request("GET", "/switchyard/graphs/missing")).status).toBe(404);
  });

  it("saves with baseHash, refuses a stale baseHash, allows work in progress, rejects a broken schema", async () => {
    const { json: graph } = await live.request("GET", "/switchyard/graphs/agent");
    const saved = await live.request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, description: "edited" }, baseHash: graph.hash });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ hash: expect.any(String), problems: [] });
    const stale = await live.request("PUT", "/switchyard/graphs/agent", { doc: graph.doc, baseHash: graph.hash });
    expect(stale.status).toBe(409);
    const unfinished = await live.request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, entry: "nowhere" } });
    expect(unfinished.json.problems).toContainEqual(expect.objectContaining({ path: "entry" }));
    const broken = await live.request("PUT", "/switchyard/graphs/agent", { doc: { ...graph.doc, version: 99 } });
    expect(broken.status).toBe(422);
    expect(broken.json.problems[0].path).toBe("version");
    await live.request("PUT", "/switchyard/graphs/agent", { doc: graph.doc });
  });

  it("creates, renames, duplicates and deletes graphs", async () => {
    expect((await live.request("POST", "/switchyard/graphs", { name: "draft" })).status).toBe(201);
    expect((await live.request("POST", "/switchyard/graphs", { name: "draft" })).status).toBe(409);
    expect((await live.request("POST", "/switchyard/graphs", { name: "../evil" })).status).toBe(400);
    const renamed = await live.request("POST", "/switchyard/graphs/draft/rename", { to: "plan" });
    expect(renamed.json).toMatchObject({ name: "plan", doc: { name: "plan" } });
    expect((await live.request("POST", "/switchyard/graphs/plan/duplicate", { to: "plan2" })).status).toBe(201);
    expect((await live.request("DELETE", "/switchyard/graphs/plan")).status).toBe(204);
    const names = (await live.request("GET", "/switchyard/workspace")).json.graphs.map((graph: any) => graph.name);
    expect(names).toContain("plan2");
    expect(names).not.toContain("plan");
    expect(names).not.toContain("draft");
  });

  it("validates a document without saving it", async () => {
    const { json: graph } = await live.request("GET", "/switchyard/graphs/agent");
    expect((await live.request("POST", "/switchyard/validate", { doc: graph.doc })).json).toEqual({ problems: [] });
    const problems = (await live.request("POST", "/switchyard/validate", { doc: { ...graph.doc, edges: [] } })).json.problems;
    expect(problems.length).toBeGreaterThan(0);
  });

  it("tells subscribers about edits on disk, and the next run uses the edited graph", async () => {
    const controller = new AbortController();
    const response = await fetch(`${live.server.url}/switchyard/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const file = join(live.workspace.dir, "agent.graph.json");
    const edited = readFileSync(file, "utf8").replace("Let me ask where you are.", "Where are you, friend?");
    writeFileSync(file, edited);
    let text = "";
    while (!text.includes("graph-changed")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"name":"agent"');

    const { json: thread } = await live.request("POST", "/threads", {});
    const values = (await live.request("POST", `/threads/${thread.thread_id}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, interrupt_before: ["ask_human"] })).json;
    expect(values.messages.at(-1).content).toBe("Where are you, friend?");
  });

  it("tells subscribers when a graph's tests file is written or deleted, with the hash the tests routes report", async () => {
    const controller = new AbortController();
    const response = await fetch(`${live.server.url}/switchyard/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = "";
    const next = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      const found = pattern.exec(text)!;
      text = text.slice(found.index + found[0].length);
      return JSON.parse(found[1]) as { name: string; hash: string | null };
    };
    const file = join(live.workspace.dir, "agent.tests.json");
    const edited = JSON.parse(readFileSync(file, "utf8"));
    edited.tests[0].name = "San Francisco, renamed on disk";
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const changed = await next(/event: tests-changed\ndata: (.*)\n/);
    const served = (await live.request("GET", "/switchyard/tests/agent")).json;
    expect(changed).toEqual({ name: "agent", hash: served.hash });
    expect(served.doc.tests[0].name).toBe("San Francisco, renamed on disk");

    rmSync(file);
    expect(await next(/event: tests-changed\ndata: (.*)\n/)).toEqual({ name: "agent", hash: null });
    controller.abort();
  });
});
