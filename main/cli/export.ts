import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { MCP_CONFIG_FILE } from "../../shared/mcp-config";
import { InvalidGraphError, workspaceGraphs } from "../engine";
import { exportGraphDoc, exportLanguages, isExportLanguage } from "../export";
import { withMcpConfig } from "../export/tool-kinds";
import { Workspace } from "../workspace/workspace";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliArgumentError, CliUsageError } from "./cli-error";
import { loadRunnableGraph } from "./graph-input";

const HELP = `usage: switchyard export <graph-file> --lang ts|python [--out DIR]

Writes a runnable LangGraph project for the graph: the graph module (state schema and reducers,
one function per node, conditional edges as plain functions), langgraph.json, package.json or
pyproject.toml, and a README. Scripted models become a small offline fake model; real providers
use their LangChain classes and read API keys from the environment.
  --lang ts|python   the project's language
  --out DIR          where to write it (default: ./<graph>-langgraph-<lang>); existing files are overwritten`;

const options = { lang: { type: "string", short: "l" }, out: { type: "string", short: "o" } } as const;

export const exportCommand = defineCommand({ usage: HELP, options, positionals: ["graph-file"], run: exportGraph });

async function exportGraph({ values, positionals }: ParsedArguments<typeof options>): Promise<number> {
  if (!isExportLanguage(values.lang)) throw new CliArgumentError(`--lang: choose one of ${exportLanguages.join(", ")}`);
  const doc = await loadRunnableGraph(positionals[0]);
  const outDir = resolve(values.out ?? `${doc.name}-langgraph-${values.lang}`);
  const graphs = await workspaceGraphs(new Workspace(dirname(resolve(positionals[0]))));
  const mcpConfig = await readFile(join(dirname(resolve(positionals[0])), MCP_CONFIG_FILE), "utf8").catch(() => undefined);
  let files;
  try {
    files = withMcpConfig(exportGraphDoc(doc, values.lang, graphs), doc, mcpConfig);
  } catch (error) {
    if (error instanceof InvalidGraphError) throw new CliUsageError(error.message);
    throw error;
  }
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
