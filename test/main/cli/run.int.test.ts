import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, SEED_QUESTION, SUNNY, tempWorkspace } from "../../helpers/seed";

function switchyard(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin/switchyard.js"), ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("switchyard run / state / update", () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeAll(() => (workspace = tempWorkspace()));
  afterAll(() => workspace.cleanup());

  it("completes the seed flow from a terminal", () => {
    const graph = join(workspace.dir, "agent.graph.json");
    const input = JSON.stringify({ messages: [{ role: "human", content: SEED_QUESTION }] });
    const first = switchyard(["run", graph, "--input", input, "--thread", "t-1", "--interrupt-before", "ask_human"]);
    expect(first.code).toBe(0);
    const updates = first.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(updates.map((update) => Object.keys(update)[0])).toEqual(["agent", "__interrupt__"]);
    expect(updates[0].agent.messages[0]).toMatchObject({ type: "ai", tool_calls: [{ name: "AskHuman" }] });
    expect(first.stderr).toContain("paused before ask_human");
    expect(first.stderr).toContain("switchyard update t-1 --as-node ask_human");

    const state = switchyard(["state", "t-1", "--workspace", workspace.dir]);
    expect(state.code).toBe(0);
    const snapshot = JSON.parse(state.stdout);
    expect(snapshot.next).toEqual(["ask_human"]);
    const toolCallId = snapshot.values.messages.at(-1).tool_calls[0].id;

    const values = JSON.stringify({ messages: [{ tool_call_id: toolCallId, type: "tool", content: "san francisco" }] });
    const update = switchyard(["update", "t-1", "--as-node", "ask_human", "--values", values], workspace.dir);
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout)).toMatchObject({ next: ["agent"], checkpoint: { thread_id: "t-1" } });

    const second = switchyard(["run", graph, "--thread", "t-1"]);
    expect(second.code).toBe(0);
    const finals = second.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(finals.map((update) => Object.keys(update)[0])).toEqual(["agent", "action", "agent"]);
    expect(finals[0].agent.messages[0].tool_calls[0].args).toEqual({ query: "current weather in san francisco" });
    expect(finals[1].action.messages[0].content).toContain(SUNNY);
    expect(second.stderr).toContain("finished");
  });

  it("accepts plain text as the user message", () => {
    const result = switchyard(["run", join(workspace.dir, "agent.graph.json"), "--input", "hello there"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("paused before ask_human");
  });

  it("exits 2 with a clear message for a missing file", () => {
    const result = switchyard(["run", join(workspace.dir, "nope.graph.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("graph file not found");
  });

  it("lists each problem of an invalid document on its own line", () => {
    const bad = join(workspace.dir, "broken.graph.json");
    writeFileSync(bad, JSON.stringify({ version: 1, name: "broken", entry: "a", state: { fields: {} }, nodes: [{ id: "a", kind: "set", config: { values: {} } }], edges: [{ id: "e", source: "a", target: "ghost" }, { id: "e", source: "a", target: "__end__" }] }));
    const result = switchyard(["run", bad, "--input", "{}"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("\n  edges[0].target: edge to missing node \"ghost\"");
    expect(result.stderr).toContain("\n  edges[1].id: duplicate edge id \"e\"");
  });

  it("names an unknown node given to --interrupt-before", () => {
    const result = switchyard(["run", join(workspace.dir, "agent.graph.json"), "--input", "{}", "--interrupt-before", "ask_humans"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--interrupt-before: unknown node "ask_humans" in graph "agent" (nodes: action, agent, ask_human)');
  });

  it("exits 2 for an unknown thread", () => {
    const state = switchyard(["state", "no-such-thread", "--workspace", workspace.dir]);
    expect(state.code).toBe(2);
    expect(state.stderr).toContain('unknown thread "no-such-thread"');
    const update = switchyard(["update", "no-such-thread", "--workspace", workspace.dir, "--values", "{}"]);
    expect(update.code).toBe(2);
  });

  it("rejects an invalid thread id clearly", () => {
    const result = switchyard(["state", "../escape", "--workspace", workspace.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`invalid thread_id "../escape"`);
  });
});
