import { Hono } from "hono";
import { z } from "zod";
import type { FlowTest } from "../../../shared/flow-test";
import type { CassetteStatus, FlowTestsFileResponse } from "../../../shared/flow-test-result";
import type { GraphDoc } from "../../../shared/graph-doc";
import { cassetteStatusOf } from "../../flow-tests/cassette-status";
import { flowTestProblems } from "../../../shared/flow-test-validate";
import { readLastResults, rememberResults, renameResults } from "../../flow-tests/last-results";
import { recordTestFromThread, NothingToRecordError } from "../../flow-tests/record";
import { workspaceGraphs } from "../../engine";
import { runTests, testedGraph } from "../../flow-tests/run-suite";
import { readTestsFile, saveTestsFile, TestsFileChangedError, TestsFileError, type LoadedTestsFile } from "../../flow-tests/tests-file";
import { checkGraphName } from "../../workspace/graph-files";
import type { Workspace } from "../../workspace/workspace";
import { parseBody, readJsonObject } from "../body";
import type { ServerContext } from "../context";
import { BadRequestError, ConflictError, ThreadBusyError, UnprocessableError } from "../errors";
import { runnableGraph } from "../graph-runtime";
import { bodyId } from "../ids";
import { graphIdOfThread, requireThread } from "../thread-access";

/** `renamed` (old name -> new name) carries the renamed tests' last results over. */
const saveSchema = z.object({ doc: z.unknown(), baseHash: z.string().nullish(), renamed: z.record(z.string(), z.string()).nullish() }).loose();
/** `cassettes`: replay real-provider tests from their cassettes (default, as `switchyard test`), or record them (`--record`, `--record-missing`). */
const runSchema = z.object({ names: z.array(z.string()).nullish(), cassettes: z.enum(["replay", "record", "record-missing"]).nullish() }).loose();
const fromThreadSchema = z
  .object({ thread_id: z.string({ error: "required: the thread to record" }), name: z.string({ error: "required: the new test's name" }).trim().min(1, "required: the new test's name") })
  .loose();

/** Flow tests of a graph (`NAME.tests.json`): read, save, run, and record one from a thread. */
export function flowTestRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const ws = ctx.workspace;

  app.get("/switchyard/tests/:graph", async (c) => {
    const graph = await requireGraphName(ws, c.req.param("graph"));
    return c.json(await fileResponse(ws, await readTestsFile(ws.dir, graph)));
  });

  app.put("/switchyard/tests/:graph", async (c) => {
    const graph = await requireGraphName(ws, c.req.param("graph"));
    const body = parseBody(saveSchema, await readJsonObject(c));
    try {
      const saved = await saveTestsFile(ws.dir, graph, body.doc, body.baseHash);
      if (body.renamed) await renameResults(ws.dataDir, graph, body.renamed);
      return c.json(await fileResponse(ws, saved));
    } catch (error) {
      if (error instanceof TestsFileError) throw new UnprocessableError(error.message, error.problems);
      if (error instanceof TestsFileChangedError) throw new ConflictError(error.message);
      throw error;
    }
  });

  app.post("/switchyard/tests/:graph/run", async (c) => {
    const graph = await requireGraphName(ws, c.req.param("graph"));
    const { names, cassettes } = parseBody(runSchema, await readJsonObject(c));
    const loaded = await readTestsFile(ws.dir, graph);
    if (!loaded.tests) throw new UnprocessableError(new TestsFileError(loaded.file, loaded.problems).message, loaded.problems);
    const all = loaded.tests.tests;
    const unknown = (names ?? []).filter((name) => !all.some((test) => test.name === name));
    if (unknown.length > 0) throw new BadRequestError(`names: no test named ${unknown.map((name) => JSON.stringify(name)).join(", ")} in ${loaded.file}`);
    const chosen = names ? all.filter((test) => names.includes(test.name)) : all;
    // The same runner as the CLI's `switchyard test [--record | --record-missing]`.
    const runner = { saver: ctx.saver, threads: ctx.threads, tools: ctx.tools, cassettes: { workspaceDir: ws.dir, mode: cassettes ?? "replay" } };
    const report = await runTests(runner, await testedGraph(ws, graph), loaded.file, chosen);
    await rememberResults(ws.dataDir, report);
    return c.json(report);
  });

  app.post("/switchyard/tests/:graph/from-thread", async (c) => {
    const graph = await requireGraphName(ws, c.req.param("graph"));
    const body = parseBody(fromThreadSchema, await readJsonObject(c));
    const thread = requireThread(ctx, bodyId(body.thread_id, "thread_id"));
    const threadGraph = graphIdOfThread(thread);
    if (threadGraph !== graph) throw new BadRequestError(`thread_id: thread ${thread.thread_id} ran ${threadGraph ? `graph "${threadGraph}"` : "no graph yet"}, not "${graph}"`);
    if (ctx.runs.isBusy(thread.thread_id)) throw new ThreadBusyError(thread.thread_id);
    const runnable = await runnableGraph(ctx, graph);
    // Flow tests belong to graph files (the route found NAME.graph.json), so there is a document.
    const doc = runnable.doc;
    if (!doc) throw new BadRequestError(`graph "${graph}" is not a graph file: flow tests need one`);
    try {
      return c.json(await recordTestFromThread({ saver: ctx.saver, doc, graph: runnable.compiled, threadId: thread.thread_id }, body.name));
    } catch (error) {
      if (error instanceof NothingToRecordError) throw new BadRequestError(`thread_id: ${error.message}`);
      throw error;
    }
  });

  return app;
}

async function requireGraphName(ws: Workspace, raw: string): Promise<string> {
  const name = checkGraphName(raw);
  await ws.requireGraph(name);
  return name;
}

/**
 * The file as the Tests panel needs it: `problems` are schema errors, or warnings where tests no
 * longer fit the graph; `last_results` holds the last result of each test still in the file.
 */
async function fileResponse(ws: Workspace, loaded: LoadedTestsFile): Promise<FlowTestsFileResponse> {
  const doc = (await ws.graph(loaded.graph))?.doc;
  const warnings = loaded.tests && doc ? flowTestProblems(loaded.tests, doc, await workspaceGraphs(ws)) : [];
  const names = new Set(loaded.tests?.tests.map((test) => test.name) ?? []);
  const last = Object.entries(await readLastResults(ws.dataDir, loaded.graph)).filter(([name]) => names.has(name));
  return {
    graph: loaded.graph,
    file: loaded.file,
    exists: loaded.exists,
    doc: loaded.tests,
    text: loaded.text,
    hash: loaded.hash,
    problems: loaded.tests ? warnings : loaded.problems,
    last_results: Object.fromEntries(last),
    cassettes: cassetteStatuses(ws.dir, loaded.graph, doc, loaded.tests?.tests ?? []),
  };
}

function cassetteStatuses(workspaceDir: string, graph: string, doc: GraphDoc | undefined, tests: FlowTest[]): Record<string, CassetteStatus> {
  return Object.fromEntries(tests.flatMap((test) => {
    const status = cassetteStatusOf(workspaceDir, graph, doc, test);
    return status ? [[test.name, status]] : [];
  }));
}
