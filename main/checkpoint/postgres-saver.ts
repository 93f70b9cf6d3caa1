import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { redactPostgresUrl } from "./postgres-url";

export class PostgresUnavailableError extends Error {
  override name = "PostgresUnavailableError";
  constructor(readonly url: string, reason: string) {
    super(`cannot use the PostgreSQL checkpoint database ${redactPostgresUrl(url)}: ${reason}; check that the server is up and the URL, user and password are right`);
  }
}

const SETUP_TIMEOUT_MS = 15_000;

/**
 * LangGraph's own PostgresSaver on a connection URL, with its tables created (or migrated) before
 * first use. Throws PostgresUnavailableError, never a raw driver error, when the database cannot be used.
 */
export async function openPostgresSaver(url: string, options: { schema?: string } = {}): Promise<PostgresSaver> {
  let saver: PostgresSaver;
  try {
    saver = PostgresSaver.fromConnString(url, options.schema ? { schema: options.schema } : undefined);
  } catch (error) {
    throw new PostgresUnavailableError(url, (error as Error).message);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer in ${SETUP_TIMEOUT_MS / 1000} s`)), SETUP_TIMEOUT_MS);
  });
  try {
    await Promise.race([saver.setup(), timeout]);
    return saver;
  } catch (error) {
    await saver.end().catch(() => {});
    throw new PostgresUnavailableError(url, (error as Error).message || String(error));
  } finally {
    clearTimeout(timer);
  }
}
