import { parseCommandLine, type CliCommand } from "./arguments";
import { CliArgumentError, CliUsageError } from "./cli-error";

/** Errors whose message already tells the user what is wrong and what to do: no stack trace. */
const USER_FACING_ERRORS = new Set(["InvalidThreadIdError", "WorkspaceLockedError", "CorruptCheckpointError", "InvalidGraphError", "InvalidGraphNameError", "GraphFileError"]);

/**
 * Every command: one entry each. Its file exports a `defineCommand({ usage, options, positionals, run })`;
 * the shared parser checks the command line before it runs. Each file is loaded only when asked
 * for, so `serve` starts fast.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  serve: { summary: "serve a workspace over the LangGraph Platform API (and the app in a browser)", load: async () => (await import("./serve")).serveCommand },
  run: { summary: "run a graph file and print each update as a line of JSON", load: async () => (await import("./run")).runCommand },
  state: { summary: "print a thread's current state", load: async () => (await import("./state")).stateCommand },
  update: { summary: "update a thread's state as a node (answer a paused run)", load: async () => (await import("./update")).updateCommand },
  export: { summary: "write the graph as a runnable LangGraph project (TypeScript or Python)", load: async () => (await import("./export")).exportCommand },
  test: { summary: "run the workspace's flow tests (NAME.tests.json) and report", load: async () => (await import("./test")).testCommand },
  doctor: { summary: "check a workspace's run data for damage; --repair keeps the intact records", load: async () => (await import("./doctor")).doctorCommand },
};

export const USAGE = `usage: switchyard <command> [options]

commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join("\n")}

Run "switchyard <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    console.error(`switchyard: unknown ${name.startsWith("-") ? "option" : "command"} ${name.startsWith("-") ? name : `"${name}"`}\n\n${USAGE}`);
    return 2;
  }
  const command = await entry.load();
  try {
    const args = parseCommandLine(command, rest);
    if (args === "help") {
      console.log(command.usage);
      return 0;
    }
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliArgumentError) {
      console.error(`switchyard ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof CliUsageError || USER_FACING_ERRORS.has((error as Error)?.name)) {
      console.error(`switchyard ${name}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
