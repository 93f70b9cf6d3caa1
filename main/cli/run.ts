import { randomUUID } from "node:crypto";
import { checkNodeNames, compileGraphDoc, namesInsideSubgraphs, toWire, UnknownNodeError, workspaceGraphs } from "../engine";
import { Workspace } from "../workspace/workspace";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliUsageError } from "./cli-error";
import { loadRunnableGraph, parseJsonOption, parseNodeList, workspaceOf } from "./graph-input";
import { describePause } from "./pause-message";
import { statusAfterRun, WorkspaceData } from "./thread-session";

const HELP = `usage: switchyard run <graph-file> [--input JSON|TEXT] [--thread ID] [--interrupt-before a,b|*] [--interrupt-after a,b|*] [--workspace DIR]

Runs the graph with durable checkpoints in <workspace>/.switchyard (the workspace defaults to the
graph file's folder) and prints each node's update as one line of JSON. Without --input on an
existing thread it continues the paused run.`;

const options = {
  input: { type: "string" },
  thread: { type: "string" },
  "interrupt-before": { type: "string" },
  "interrupt-after": { type: "string" },
  workspace: { type: "string" },
} as const;

export const runCommand = defineCommand({ usage: HELP, options, positionals: ["graph-file"], run: runGraph });

async function runGraph({ values, positionals }: ParsedArguments<typeof options>): Promise<number> {
  const doc = await loadRunnableGraph(positionals[0]);
  const graphs = await workspaceGraphs(new Workspace(workspaceOf(positionals[0], values.workspace)));
  const interruptBefore = parseNodeList(values["interrupt-before"]);
  const interruptAfter = parseNodeList(values["interrupt-after"]);
  try {
    checkNodeNames(doc, interruptBefore, "--interrupt-before", graphs);
    checkNodeNames(doc, interruptAfter, "--interrupt-after", graphs);
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new CliUsageError(error.message);
    throw error;
  }
  const threadId = values.thread ?? randomUUID();
  const data = new WorkspaceData(workspaceOf(positionals[0], values.workspace));
  const saver = data.saver;
  try {
    const interruptsInside = { before: namesInsideSubgraphs(interruptBefore), after: namesInsideSubgraphs(interruptAfter) };
    const graph = compileGraphDoc(doc, { checkpointer: saver, graphs, interruptsInside, tools: data.tools });
    const config = { configurable: { thread_id: threadId } };
    const existing = await saver.getTuple(config);
    if (values.thread && !existing && values.input === undefined) throw new CliUsageError(`unknown thread "${threadId}": give --input to start it`);
    const input = values.input === undefined ? null : inputOf(values.input, doc);
    const known = data.threads.get(threadId);
    if (known && known.metadata.graph_id !== doc.name) throw new CliUsageError(`thread "${threadId}" belongs to graph "${String(known.metadata.graph_id)}", not "${doc.name}"`);
    if (!known) data.threads.create(threadId, { graph_id: doc.name });
    data.threads.setStatus(threadId, "busy");
    const stream = await graph.stream(input as Record<string, unknown> | null, {
      ...config,
      streamMode: "updates",
      durability: "sync",
      metadata: { graph_id: doc.name },
      ...(interruptBefore ? { interruptBefore } : {}),
      ...(interruptAfter ? { interruptAfter } : {}),
    });
    for await (const update of stream) console.log(JSON.stringify(toWire(update)));
    const state = await graph.getState(config);
    data.threads.setStatus(threadId, statusAfterRun(state.next));
    console.error(describePause(state, threadId, positionals[0]));
    return 0;
  } catch (error) {
    if (data.threads.get(threadId)?.status === "busy") data.threads.setStatus(threadId, "error");
    throw error;
  } finally {
    await data.close();
  }
}

/** JSON is the state update; plain text is a user message for graphs with a messages field. */
function inputOf(text: string, doc: { state: { fields: Record<string, { type: string }> } }): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return parseJsonOption("input", trimmed);
  const messagesField = Object.entries(doc.state.fields).find(([, field]) => field.type === "messages")?.[0];
  if (!messagesField) throw new CliUsageError("--input must be a JSON object of state fields for this graph");
  return { [messagesField]: [{ role: "human", content: text }] };
}
