// Runs a scenario against an exported TypeScript project and prints its trace as JSON.
// usage: tsx test/main/export/run-exported.ts <project-dir> <scenario>
import { MemorySaver } from "@langchain/langgraph";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runScenario, scenarios } from "./scenarios";

const [projectDir, scenario] = process.argv.slice(2);
const { compileGraph } = await import(pathToFileURL(join(projectDir, "src", "graph.ts")).href);
const trace = await runScenario(compileGraph(new MemorySaver()), scenarios[scenario]);
process.stdout.write(JSON.stringify(trace));
// A graph with mcp tools started its servers: stop them so the process can end.
const toolsModule = join(projectDir, "src", "tools.ts");
if (existsSync(toolsModule)) await (await import(pathToFileURL(toolsModule).href)).closeMcpServers();
