import { createServer } from "node:net";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { http, makeWorkspace, parseSse, startServerProcess } from "./server-process";

const ROOT = resolve(import.meta.dirname, "../../..");

// Acceptance 3: everything a paused thread needs is on disk when the server dies without warning.
describe("serve survives SIGKILL", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  beforeAll(() => (workspace = makeWorkspace()));
  afterAll(() => workspace?.remove());

  it("finishes a flow paused before ask_human after the server was killed and restarted", async () => {
    const first = await startServerProcess(workspace.dir);
    let request = http(first.url);
    const { json: thread } = await request("POST", "/threads", { metadata: { owner: "test" } });
    const id = thread.thread_id;
    await request("POST", `/threads/${id}/runs/stream`, {
      assistant_id: "agent",
      input: { messages: [{ role: "human", content: "Use the search tool to ask the user where they are" }] },
      interrupt_before: ["ask_human"],
      stream_mode: ["updates"],
    });
    const before = (await request("GET", `/threads/${id}/state`)).json;
    await first.kill();

    const second = await startServerProcess(workspace.dir);
    try {
      request = http(second.url);
      const restored = (await request("GET", `/threads/${id}`)).json;
      expect(restored).toMatchObject({ thread_id: id, status: "interrupted", metadata: { owner: "test", graph_id: "agent" }, created_at: thread.created_at });
      const state = (await request("GET", `/threads/${id}/state`)).json;
      expect(state).toEqual(before);
      const toolCallId = state.values.messages.at(-1).tool_calls[0].id;
      await request("POST", `/threads/${id}/state`, { values: { messages: [{ tool_call_id: toolCallId, type: "tool", content: "Lisbon" }] }, as_node: "ask_human" });
      const events = parseSse((await request("POST", `/threads/${id}/runs/stream`, { assistant_id: "agent", stream_mode: ["updates"] })).text);
      const last = events.at(-1)!.data as any;
      expect(last.agent.messages[0].content).toContain("current weather in Lisbon");
      const runs = (await request("GET", `/threads/${id}/runs`)).json;
      expect(runs.map((run: any) => run.status)).toEqual(["success", "success"]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a second server on the same workspace, naming the lock", async () => {
    const running = await startServerProcess(workspace.dir);
    try {
      await expect(startServerProcess(workspace.dir)).rejects.toThrow(/WorkspaceLockedError|held by process/);
    } finally {
      await running.stop();
    }
  });

  it("names --port when the port is taken, and refuses a public host without a token", async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = spawnSync(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", workspace.dir, "--port", String(port)], { encoding: "utf8", timeout: 20_000 });
      expect(taken.status).toBe(2);
      expect(taken.stderr).toContain(`port ${port}`);
      expect(taken.stderr).toContain("--port");
    } finally {
      blocker.close();
    }
    const open = spawnSync(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", workspace.dir, "--port", "0", "--host", "0.0.0.0"], { encoding: "utf8", timeout: 20_000 });
    expect(open.status).toBe(2);
    expect(open.stderr).toContain("--token");
  });
});
