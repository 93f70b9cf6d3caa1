import { resolve } from "node:path";
import { checkNodeNames, UnknownNodeError } from "../engine";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliArgumentError, CliUsageError } from "./cli-error";
import { parseJsonOption } from "./graph-input";
import { openThread } from "./thread-session";

const HELP = `usage: switchyard update <thread-id> --values JSON [--as-node NODE] [--workspace DIR]

Writes VALUES into the thread's state as if NODE had produced them (LangGraph's update_state
with as_node), so the next run continues from after that node.`;

const options = { values: { type: "string" }, "as-node": { type: "string" }, workspace: { type: "string" } } as const;

export const updateCommand = defineCommand({ usage: HELP, options, positionals: ["thread-id"], run: updateThread });

async function updateThread({ values, positionals }: ParsedArguments<typeof options>): Promise<number> {
  if (values.values === undefined) throw new CliArgumentError("--values is required (a JSON object of state fields)");
  const update = parseJsonOption("values", values.values);
  if (update === null || typeof update !== "object" || Array.isArray(update)) throw new CliUsageError("--values must be a JSON object of state fields");
  const session = await openThread(resolve(values.workspace ?? "."), positionals[0]);
  try {
    const asNode = values["as-node"];
    if (asNode) checkAsNode(session.doc, asNode);
    const fields = Object.keys(update).filter((field) => !(field in session.doc.state.fields));
    if (fields.length > 0) throw new CliUsageError(`--values: unknown state field${fields.length > 1 ? "s" : ""} ${fields.join(", ")} (fields: ${Object.keys(session.doc.state.fields).join(", ")})`);
    const checkpoint = await session.graph.updateState(session.config, update, asNode);
    const state = await session.graph.getState(session.config);
    console.log(JSON.stringify({ checkpoint: checkpoint.configurable, next: state.next }));
    return 0;
  } finally {
    await session.data.close();
  }
}

function checkAsNode(doc: Parameters<typeof checkNodeNames>[0], asNode: string) {
  try {
    checkNodeNames(doc, [asNode], "--as-node");
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new CliUsageError(error.message);
    throw error;
  }
}
