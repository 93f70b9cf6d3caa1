import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FlowTest } from "../../../shared/flow-test";
import type { GraphDoc } from "../../../shared/graph-doc";
import { compileGraphDoc } from "../../../main/engine";
import { runFlowTest } from "../../../main/flow-tests/run-test";
import { runTests, testedGraph } from "../../../main/flow-tests/run-suite";
import { readTestsFile } from "../../../main/flow-tests/tests-file";
import { loadSeedDoc, SEED_QUESTION } from "../../helpers/seed";
import { failingFixture, openTempWorkspace, type OpenWorkspace } from "./helpers";

describe("running flow tests through the engine", () => {
  let open: OpenWorkspace;
  afterEach(async () => open.close());

  it("passes the seed's San Francisco and Paris flows, each as a thread of the workspace", async () => {
    open = openTempWorkspace();
    const loaded = await readTestsFile(open.workspace.dir, "agent");
    const report = await runTests(open.runner, await testedGraph(open.workspace, "agent"), loaded.file, loaded.tests!.tests);
    expect(report.summary).toEqual({ total: 2, passed: 2, failed: 0, errors: 0, skipped: 0 });
    const [sf, paris] = report.results;
    expect(sf.steps.map((step) => `${step.node}:${step.via}`)).toEqual(["agent:run", "ask_human:answer", "agent:run", "action:run", "agent:run"]);
    expect(sf.ended).toBe("finished");
    expect(paris.checks.find((check) => check.check.type === "final-message-contains")?.actual).toContain("current weather in paris");
    const thread = open.runner.threads.get(sf.thread_id!);
    expect(thread).toMatchObject({ status: "idle", metadata: { graph_id: "agent", flow_test: sf.name } });
    expect((thread?.values as { messages: unknown[] }).messages).toHaveLength(6);
    // The result's checkpoint is a real one of that thread: the debugger can open it.
    const graph = compileGraphDoc(loadSeedDoc(), { checkpointer: open.runner.saver });
    const state = await graph.getState({ configurable: { thread_id: sf.thread_id!, checkpoint_id: sf.checkpoint_id! } });
    expect(state.config.configurable?.checkpoint_id).toBe(sf.checkpoint_id);
  });

  it("reports the failing check, the actual value and the failing step of the fixture's test", async () => {
    open = openTempWorkspace(failingFixture);
    const loaded = await readTestsFile(open.workspace.dir, "agent");
    const report = await runTests(open.runner, await testedGraph(open.workspace, "agent"), loaded.file, loaded.tests!.tests);
    expect(report.summary).toMatchObject({ passed: 1, failed: 1 });
    const failed = report.results[1];
    expect(failed.status).toBe("failed");
    const [visits, contains, steps] = failed.checks;
    expect(visits).toMatchObject({ passed: true, description: "visits ask_human" });
    expect(contains).toMatchObject({ passed: false, description: "the final message contains 'rainy'" });
    expect(contains.actual).toContain("It's sunny in San Francisco");
    expect(steps).toMatchObject({ passed: false, description: "at most 3 steps" });
    expect(steps.actual).toBe("took 5 steps (path: agent → ask_human → agent → action → agent)");
    // The step that broke the limit is the 4th: the debugger opens there.
    expect(steps.checkpoint_id).toBe(failed.steps[3].checkpoint_id);
    expect(failed.checkpoint_id).toBe(contains.checkpoint_id);
    expect(failed.message).toMatch(/^the final message contains 'rainy': the final message is "Based on/);
  });

  it("turns red when the graph breaks: a graph without action -> agent fails its checks, an invalid one says why", async () => {
    open = openTempWorkspace();
    const doc = loadSeedDoc();
    const test = (await readTestsFile(open.workspace.dir, "agent")).tests!.tests[0];
    // Without action -> agent the run ends after action (as in LangGraph): there is no final answer.
    for (const broken of [
      { ...doc, edges: doc.edges.filter((edge) => edge.id !== "action-agent") },
      { ...doc, edges: doc.edges.map((edge) => (edge.id === "action-agent" ? { ...edge, target: "__end__" } : edge)) },
    ] satisfies GraphDoc[]) {
      const failed = await runFlowTest(open.runner, { name: "agent", doc: broken }, test);
      expect(failed.status).toBe("failed");
      const failing = failed.checks.filter((check) => !check.passed);
      expect(failing.map((check) => check.description)).toEqual(["visits action before the final answer"]);
      expect(failing[0].actual).toBe("there is no final answer: the run finished (path: agent → ask_human → agent → action)");
      expect(failed.thread_id).toBeTruthy();
    }
    // A graph that cannot run at all says why.
    const invalid = await runFlowTest(open.runner, { name: "agent", doc: { ...doc, entry: "nowhere" } }, test);
    expect(invalid).toMatchObject({ status: "error", thread_id: null });
    expect(invalid.message).toContain('entry "nowhere" is not a node of this graph');
  });

  it("stays paused without an answer, and says which answers were not used", async () => {
    open = openTempWorkspace();
    const paused = await runFlowTest(open.runner, { name: "agent", doc: loadSeedDoc() }, { name: "no answer", input: SEED_QUESTION, answers: [], checks: [{ type: "ends" }] });
    expect(paused).toMatchObject({ status: "failed", ended: "paused", paused_at: ["ask_human"] });
    expect(paused.checks[0].actual).toBe("the run stayed paused before ask_human");
    expect(open.runner.threads.get(paused.thread_id!)?.status).toBe("interrupted");
    const extra = await runFlowTest(open.runner, { name: "agent", doc: loadSeedDoc() }, { name: "extra", input: SEED_QUESTION, answers: ["sf", "more"], checks: [{ type: "ends" }] });
    expect(extra).toMatchObject({ status: "passed", unused_answers: 1 });
  });

  it("applies a state edit as a node, filling in the pending call's id", async () => {
    open = openTempWorkspace();
    const test: FlowTest = {
      name: "edit",
      input: { messages: [{ role: "human", content: SEED_QUESTION }] },
      answers: [{ node: "ask_human", asNode: "ask_human", values: { messages: [{ type: "tool", content: "lisbon" }] } }],
      checks: [{ type: "final-message-contains", text: "weather in lisbon" }, { type: "visits", node: "ask_human" }],
    };
    const result = await runFlowTest(open.runner, { name: "agent", doc: loadSeedDoc() }, test);
    expect(result.status).toBe("passed");
  });

  it("answers interrupt() nodes with resume values and plain text", async () => {
    open = openTempWorkspace();
    const doc = interruptSeed();
    for (const answer of ["oslo", { resume: "oslo" }]) {
      const test: FlowTest = { name: "interrupt", input: SEED_QUESTION, answers: [answer], checks: [{ type: "final-message-contains", text: "weather in oslo" }, { type: "visits", node: "ask_human" }, { type: "ends" }] };
      const result = await runFlowTest(open.runner, { name: "agent", doc }, test);
      expect(result.checks.map((check) => check.actual)).toEqual([expect.stringContaining("weather in oslo"), expect.stringContaining("visited ask_human"), "the run finished"]);
      expect(result.status).toBe("passed");
    }
  });

  it("reports a node error even when the test does not check for it", async () => {
    open = openTempWorkspace();
    const doc = loadSeedDoc();
    const failing: GraphDoc = { ...doc, nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider: "ollama" as const } } : node)) };
    const result = await runFlowTest(open.runner, { name: "agent", doc: failing }, { name: "err", provider: "real", input: SEED_QUESTION, answers: [], checks: [] });
    expect(result.status).toBe("failed");
    expect(result.ended).toBe("error");
    expect(result.checks).toEqual([expect.objectContaining({ description: "no node errors", passed: false, implicit: true, actual: expect.stringMatching(/^agent failed: /) })]);
    expect(open.runner.threads.get(result.thread_id!)?.status).toBe("error");
  });

  it("skips a real-provider test without a key, and refuses to call a real provider from a scripted test", async () => {
    open = openTempWorkspace();
    const doc = loadSeedDoc();
    const real: GraphDoc = { ...doc, nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider: "openai" as const, model: "gpt-4o-mini" } } : node)) };
    const test: FlowTest = { name: "real", provider: "real", input: SEED_QUESTION, answers: ["sf"], checks: [{ type: "final-message-contains", text: "sunny" }] };
    const skipped = await runFlowTest({ ...open.runner, env: {} }, { name: "agent", doc: real }, test);
    expect(skipped).toMatchObject({ status: "skipped", thread_id: null });
    expect(skipped.message).toContain("OPENAI_API_KEY");
    const unmarked = await runFlowTest(open.runner, { name: "agent", doc: real }, { ...test, provider: undefined });
    expect(unmarked.status).toBe("error");
    expect(unmarked.message).toContain('"provider": "real"');
  });

  it("reports every test of an invalid graph as an error that says why", async () => {
    open = openTempWorkspace();
    writeFileSync(join(open.workspace.dir, "agent.graph.json"), "{ not json");
    const graph = await testedGraph(open.workspace, "agent");
    const result = await runFlowTest(open.runner, graph, { name: "x", input: "hi", answers: [], checks: [] });
    expect(result).toMatchObject({ status: "error", thread_id: null });
    expect(result.message).toContain("not valid JSON");
    const noMessages: GraphDoc = { ...loadSeedDoc(), state: { fields: { city: { type: "string", reducer: "replace" } } } };
    const textInput = await runFlowTest(open.runner, { name: "agent", doc: noMessages }, { name: "x", input: "hi", answers: [], checks: [] });
    expect(textInput.message).toContain("no messages field for a text input");
  });
});

/** The seed with its human node asking by interrupt() instead of a breakpoint before it. */
function interruptSeed(): GraphDoc {
  const doc = loadSeedDoc();
  return {
    ...doc,
    nodes: doc.nodes.map((node) => (node.kind === "human" ? { ...node, breakpoint: undefined, config: { ...node.config, mode: "interrupt" as const } } : node)),
  };
}
