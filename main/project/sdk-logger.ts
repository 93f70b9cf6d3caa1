import { getConfig } from "@langchain/langgraph";

/** Where `getLogger()` of @langchain/langgraph-sdk/logging looks for the server's logger. */
const SDK_LOGGER = Symbol.for("langgraph.api.sdk-logger");

/** The levels of the SDK's `Logger` type (winston's, which the LangGraph.js server uses). */
const LEVELS = ["error", "warn", "help", "data", "info", "debug", "prompt", "http", "verbose", "input", "silly"] as const;

type LogMethod = (message: unknown, ...meta: unknown[]) => ProjectLogger;
export type ProjectLogger = Record<(typeof LEVELS)[number], LogMethod>;

/** The node running now, when the log call comes from inside a graph run. */
function currentNode(): string | undefined {
  try {
    const node = getConfig()?.metadata?.langgraph_node;
    return typeof node === "string" ? node : undefined;
  } catch {
    return undefined;
  }
}

function lineOf(level: string, message: unknown, meta: unknown[]): string {
  const text = typeof message === "string" ? message : JSON.stringify(message);
  const extra = Object.assign({}, ...meta.filter((item) => item && typeof item === "object"));
  const node = currentNode();
  if (node) extra.langgraph_node = node;
  return `graph log [${level}] ${text}${Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : ""}`;
}

/**
 * Registers the logger a project's graphs get from `getLogger()`, as the LangGraph.js server does
 * before it imports them (graphs often call it at the top of a module). Lines go to stderr, with
 * the node that logged.
 */
export function registerSdkLogger(write: (line: string) => void = (line) => console.error(line)): ProjectLogger {
  const existing = (globalThis as Record<symbol, unknown>)[SDK_LOGGER];
  if (existing) return existing as ProjectLogger;
  const logger = {} as ProjectLogger;
  for (const level of LEVELS) {
    logger[level] = (message, ...meta) => {
      write(lineOf(level, message, meta));
      return logger;
    };
  }
  (globalThis as Record<symbol, unknown>)[SDK_LOGGER] = logger;
  return logger;
}
