import { resolve } from "node:path";
import { toWire } from "../engine";
import { defineCommand, type ParsedArguments } from "./arguments";
import { openThread } from "./thread-session";

const HELP = `usage: switchyard state <thread-id> [--workspace DIR]

Prints the thread's current state (values, next nodes, pending tasks, checkpoint) as JSON.`;

const options = { workspace: { type: "string" } } as const;

export const stateCommand = defineCommand({ usage: HELP, options, positionals: ["thread-id"], run: printState });

async function printState({ values, positionals }: ParsedArguments<typeof options>): Promise<number> {
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
