import { MemorySaver } from "@langchain/langgraph";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compileGraphDoc } from "../../../main/engine";
import { exportGraphDoc } from "../../../main/export";
import type { GraphDoc } from "../../../shared/graph-doc";
import { loadSeedDoc, repoRoot } from "../../helpers/seed";
import { loadComposeDocs, loadKitchenDoc, loadSupportDoc, providerDoc, supportWorkspace, writeProject } from "./fixtures";
import { workspaceTools } from "../../../main/engine/tools/workspace-tools";
import { http, parseSse, startServerProcess } from "../api/server-process";
import { runScenario, scenarios } from "./scenarios";

const run = promisify(execFile);
const TSC = join(repoRoot, "node_modules/typescript/bin/tsc");
const TSX = join(repoRoot, "node_modules/tsx/dist/cli.mjs");
const RUNNER = join(repoRoot, "test/main/export/run-exported.ts");

/** Spawns tsc and tsx on exported projects (node_modules linked from the repo: no install). */
describe("an exported TypeScript project", () => {
  const projects: Record<string, ReturnType<typeof writeProject>> = {};
  const docs: Record<string, () => GraphDoc> = {
    seed: loadSeedDoc,
    kitchen: loadKitchenDoc,
    compose: () => loadComposeDocs().doc,
    openai: () => providerDoc("openai", { model: "gpt-4o-mini", maxTokens: 100, baseUrl: "http://127.0.0.1:9/v1", maxRetries: 3, timeoutMs: 2000 }),
    anthropic: () => providerDoc("anthropic", { model: "claude-x", temperature: 1.5, maxRetries: 1, timeoutMs: 5000 }),
    ollama: () => providerDoc("ollama", { maxTokens: 10 }),
    support: loadSupportDoc,
  };
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "switchyard-export-"));
    for (const [name, load] of Object.entries(docs)) projects[name] = writeProject(exportGraphDoc(load(), "ts", loadComposeDocs().graphs), true, join(root, name));
    // The exported support router reaches the example's MCP server (which also serves the status API its http tool calls).
    writeFileSync(join(projects.support.dir, "mcp.json"), JSON.stringify({ mcpServers: { kb: { command: process.execPath, args: [join(supportWorkspace, "tools/kb-server.mjs")] } } }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("type-checks with its own tsconfig (seed, every node kind, each real provider)", async () => {
    // One tsc run over all projects (with the exported compiler options) instead of one per project: same check, a third of the time.
    const { compilerOptions } = JSON.parse(readFileSync(join(projects.seed.dir, "tsconfig.json"), "utf8"));
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions, include: Object.keys(docs).map((name) => `${name}/src`) }));
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
    const result = await run(process.execPath, [TSC, "-p", join(root, "tsconfig.json"), "--noEmit"], { cwd: root }).catch((error) => error);
    expect(result.code ?? 0, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it.each(["seed", "kitchen", "compose"])("gives the same node updates and states as Switchyard's engine for the %s flow", async (name) => {
    const exported = run(process.execPath, [TSX, RUNNER, projects[name].dir, name], { cwd: projects[name].dir });
    const expected = await runScenario(compileGraphDoc(docs[name](), { checkpointer: new MemorySaver(), graphs: loadComposeDocs().graphs }) as never, scenarios[name]);
    const { stdout } = await exported;
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it.each(["support", "billing"])("gives the same node updates and states as the engine for the support router's %s flow (structured output, http and mcp tools)", async (scenario) => {
    const tools = workspaceTools(supportWorkspace, { env: {} });
    let expected: unknown;
    try {
      expected = await runScenario(compileGraphDoc(loadSupportDoc(), { checkpointer: new MemorySaver(), tools }) as never, scenarios[scenario]);
    } finally {
      await tools.close();
    }
    const { stdout } = await run(process.execPath, [TSX, RUNNER, projects.support.dir, scenario], { cwd: projects.support.dir });
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(JSON.stringify(expected)).toContain(scenario === "support" ? "KB-101" : "opened a ticket");
  });

  it("is served from its langgraph.json by a LangGraph API server (switchyard serve --config) and pauses before ask_human", async () => {
    const dir = projects.seed.dir;
    const server = await startServerProcess(dir, ["--config", join(dir, "langgraph.json")]);
    try {
      const request = http(server.url);
      const { json: thread } = await request("POST", "/threads", {});
      const run = await request("POST", `/threads/${thread.thread_id}/runs/stream`, { assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] }, stream_mode: ["updates"] });
      const updates = parseSse(run.text).filter((event) => event.event === "updates").map((event) => event.data as Record<string, any>);
      expect(updates.map((update) => Object.keys(update)[0])).toEqual(["agent", "__interrupt__"]);
      expect(updates[0].agent.messages[0].tool_calls[0]).toMatchObject({ name: "AskHuman", args: { question: "Where are you currently located?" } });
      expect((await request("GET", `/threads/${thread.thread_id}/state`)).json.next).toEqual(["ask_human"]);
    } finally {
      await server.stop();
    }
  });

  it("for the seed: pauses before ask_human, then calls search and answers with the sunny text", async () => {
    const trace = await runScenario(compileGraphDoc(loadSeedDoc(), { checkpointer: new MemorySaver() }) as never, scenarios.seed);
    const nodes = trace.flatMap((entry) => Object.keys(entry as object).filter((key) => !["next", "values", "updatedAs"].includes(key)));
    expect(nodes).toEqual(["agent", "__interrupt__", "agent", "action", "agent"]);
  });
});
