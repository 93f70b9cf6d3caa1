import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliArgumentError } from "./cli-error";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

type ParserConfig<O extends OptionsConfig> = { args: string[]; options: O & typeof HELP_OPTION; allowPositionals: true; strict: true };

/** What a command receives: its options, typed from its table, and its positional arguments. */
export type ParsedArguments<O extends OptionsConfig> = Omit<ReturnType<typeof parseArgs<ParserConfig<O>>>, "tokens">;

/**
 * One command of the CLI: everything the shared parser needs to check a command line before the
 * command runs (unknown options, missing values, the wrong number of arguments are exit 2 with the
 * usage), and the function that runs it. `--help`/`-h` is added to every command.
 */
export interface CliCommand<O extends OptionsConfig = OptionsConfig> {
  /** The command's help: a `usage: switchyard NAME ...` line, then what it does and its options. */
  usage: string;
  options: O;
  /** The positional arguments, by name, all required and in order: `["graph-file"]`. */
  positionals?: readonly string[];
  run(args: ParsedArguments<O>): Promise<number>;
}

/** Declares a command, keeping its options' types for its `run`. */
export function defineCommand<O extends OptionsConfig>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

/** Parses a command's arguments; "help" when it was asked for its usage. Throws CliArgumentError for bad input. */
export function parseCommandLine<O extends OptionsConfig>(command: CliCommand<O>, argv: string[]): ParsedArguments<O> | "help" {
  let parsed: ParsedArguments<O>;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, ...HELP_OPTION }, allowPositionals: true, strict: true }) as ParsedArguments<O>;
  } catch (error) {
    throw new CliArgumentError(parserProblem(error as Error & { code?: string }));
  }
  if ((parsed.values as { help?: boolean }).help) return "help";
  const expected = command.positionals ?? [];
  if (parsed.positionals.length > expected.length) throw new CliArgumentError(`unexpected argument "${parsed.positionals[expected.length]}"`);
  if (parsed.positionals.length < expected.length) throw new CliArgumentError(`missing <${expected[parsed.positionals.length]}>`);
  return parsed;
}

/** node:util's messages are long and name the option in quotes; say the same in one short line. */
function parserProblem(error: Error & { code?: string }): string {
  const option = optionNamed(error.message);
  if (!option) return error.message;
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option}`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(error.message) ? `${option} takes no value` : `${option} needs a value`;
  }
  return error.message;
}

/** `Option '-p, --port <value>' argument missing` -> `--port`; `Unknown option '-x'` -> `-x`. */
function optionNamed(message: string): string | undefined {
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (!quoted) return undefined;
  return /--[^\s<,=]+/.exec(quoted)?.[0] ?? /-[^\s<,=]+/.exec(quoted)?.[0];
}
