import { COMMAND_TABLE, type CommandId } from "../../../shared/command-table";
import type { CommandContext } from "./command-context";

/** What a command does: whether it can run in a context, and running it. */
export interface CommandBehaviour {
  canRun(context: CommandContext): boolean;
  run(context: CommandContext): void | Promise<void>;
}

/** One entry of the registry: the shared table's id, title and keys, with its behaviour. */
export interface AppCommand extends CommandBehaviour {
  id: CommandId;
  title: string;
  keys: readonly string[];
}

export type CommandRegistry = Readonly<Record<CommandId, AppCommand>>;

/** The registry: every entry of the shared table must have a behaviour (the type says so too). */
export function commandRegistry(behaviours: Record<CommandId, CommandBehaviour>): CommandRegistry {
  const registry: Partial<Record<CommandId, AppCommand>> = {};
  for (const info of COMMAND_TABLE) {
    const behaviour = behaviours[info.id];
    if (!behaviour) throw new Error(`command ${info.id} has no behaviour in the registry`);
    registry[info.id] = { id: info.id, title: info.title, keys: info.keys, ...behaviour };
  }
  return registry as Record<CommandId, AppCommand>;
}

/** Runs a command when it can run; returns whether it ran. */
export function runIn(registry: CommandRegistry, id: CommandId, context: CommandContext): boolean {
  const command = registry[id];
  if (!command.canRun(context)) return false;
  void command.run(context);
  return true;
}
