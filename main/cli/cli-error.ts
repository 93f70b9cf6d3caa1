/** A mistake in how the command was called or in what it was given: exit code 2, message only, no stack. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}
