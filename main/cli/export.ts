import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MCP_CONFIG_FILE } from "../../shared/mcp-config";
import { exportGraphDoc, exportLanguages, isExportLanguage } from "../export";
import { withMcpConfig } from "../export/tool-kinds";
import { CliUsageError } from "./cli-error";
import { loadRunnableGraph } from "./graph-input";

const HELP = `usage: switchyard export <graph-file> --lang ts|python [--out DIR]

Writes a runnable LangGraph project for the graph: the graph module (state schema and reducers,
one function per node, conditional edges as plain functions), langgraph.json, package.json or
pyproject.toml, and a README. Scripted models become a small offline fake model; real providers
use their LangChain classes and read API keys from the environment.
  --lang ts|python   the project's language
  --out DIR          where to write it (default: ./<graph>-langgraph-<lang>); existing files are overwritten`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(`expected one graph file\n\n${HELP}`);
  if (!isExportLanguage(values.lang)) throw new CliUsageError(`--lang: choose one of ${exportLanguages.join(", ")}\n\n${HELP}`);
  const doc = await loadRunnableGraph(positionals[0]);
  const outDir = resolve(values.out ?? `${doc.name}-langgraph-${values.lang}`);
  const mcpConfig = await readFile(join(dirname(resolve(positionals[0])), MCP_CONFIG_FILE), "utf8").catch(() => undefined);
  const files = withMcpConfig(exportGraphDoc(doc, values.lang), doc, mcpConfig);
  for (const file of files) {
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  console.log(`Exported "${doc.name}" as a ${values.lang === "ts" ? "TypeScript" : "Python"} LangGraph project to ${shown(outDir)}:`);
  for (const file of files) console.log(`  ${file.path}`);
  return 0;
}

/** The folder as the user would type it: relative below the current folder, absolute elsewhere. */
function shown(dir: string): string {
  const path = relative(process.cwd(), dir);
  return path === "" ? "." : path.startsWith("..") ? dir : path;
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { lang: { type: "string", short: "l" }, out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}
