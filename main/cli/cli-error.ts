/** A mistake in how the command was called or in what it was given: exit code 2, message only, no stack. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** A command line the command's parser refuses (unknown option, missing value or argument): the usage follows the message. */
export class CliArgumentError extends CliUsageError {
  override name = "CliArgumentError";
}
