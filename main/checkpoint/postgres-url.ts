// Kept apart from postgres-saver.ts so checking a URL never loads the PostgreSQL driver.

/** `postgres://` or `postgresql://`: where a team's shared checkpoints live instead of the workspace folder. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/** The URL without its password, for messages and logs. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}
