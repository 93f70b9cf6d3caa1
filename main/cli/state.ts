import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { toWire } from "../engine";
import { CliUsageError } from "./cli-error";
import { openThread } from "./thread-session";

const HELP = `usage: switchyard state <thread-id> [--workspace DIR]

Prints the thread's current state (values, next nodes, pending tasks, checkpoint) as JSON.`;

export async function stateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { workspace: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(`expected one thread id\n\n${HELP}`);
  const session = await openThread(resolve(values.workspace ?? "."), positionals[0]);
  try {
    const state = await session.graph.getState(session.config);
    const printable = {
      values: state.values,
      next: state.next,
      tasks: state.tasks.map((task) => ({ id: task.id, name: task.name, interrupts: task.interrupts, error: task.error ?? null })),
      metadata: state.metadata,
      created_at: state.createdAt,
      checkpoint: state.config.configurable,
      parent_checkpoint: state.parentConfig?.configurable ?? null,
    };
    console.log(JSON.stringify(toWire(printable), null, 2));
    return 0;
  } finally {
    await session.data.close();
  }
}
