import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { WorkspaceLockedError } from "../checkpoint/errors";
import { PortInUseError, startServer, TokenRequiredError } from "../api/server";
import { exampleWorkspace } from "../workspace/user-data";
import { isPostgresUrl } from "../checkpoint/postgres-url";
import { LangGraphConfigError, readProjectConfig } from "../project/langgraph-config";
import { defineCommand, type ParsedArguments } from "./arguments";
import { CliArgumentError, CliUsageError } from "./cli-error";

const HELP = `usage: switchyard serve [--workspace DIR | --config langgraph.json] [--port N] [--host H] [--token T] [--allow-origin ORIGIN]... [--checkpointer URL]

Serves a workspace over the LangGraph Platform API (and the Switchyard app at /).
  --workspace DIR      folder of *.graph.json files (default: the bundled example, copied to your data folder)
  --config FILE        a LangGraph.js project's langgraph.json, as "langgraph dev" takes it: serves the graphs it names
                       (TypeScript or JavaScript, reloaded when a source file changes); run data goes to <project>/.switchyard
  --port N             port to listen on (default 2024; 0 = any free port)
  --host H             address to listen on (default 127.0.0.1; anything else needs --token)
  --token T            require "Authorization: Bearer T" on every request (default: $SWITCHYARD_TOKEN)
  --allow-origin O     let the web app at origin O call the API (repeatable), e.g. https://smith.langchain.com
  --checkpointer URL   keep checkpoints in PostgreSQL (postgres://user:password@host:5432/db) instead of the workspace folder
                       (default: "checkpointer" in <workspace>/.switchyard/settings.json, else the folder)`;

const options = {
  workspace: { type: "string", short: "w" },
  config: { type: "string", short: "c" },
  port: { type: "string", short: "p" },
  host: { type: "string" },
  token: { type: "string" },
  "allow-origin": { type: "string", multiple: true },
  checkpointer: { type: "string" },
} as const;

export const serveCommand = defineCommand({ usage: HELP, options, run: serve });

async function serve({ values }: ParsedArguments<typeof options>): Promise<number> {
  const port = parsePort(values.port);
  const projectConfig = values.config === undefined ? undefined : checkProjectConfig(values.config);
  const workspaceDir = values.workspace ?? (projectConfig ? dirname(projectConfig) : await exampleWorkspace());
  const isFolder = await stat(workspaceDir).then((info) => info.isDirectory(), () => false);
  if (!isFolder) throw new CliUsageError(`--workspace ${workspaceDir}: no such folder`);
  let server;
  try {
    server = await startServer({
      workspaceDir,
      port,
      host: values.host,
      token: values.token ?? process.env.SWITCHYARD_TOKEN,
      allowOrigins: values["allow-origin"] ?? [],
      checkpointer: checkpointerOption(values.checkpointer),
      projectConfig,
    });
  } catch (error) {
    if (error instanceof PortInUseError || error instanceof TokenRequiredError) throw new CliUsageError(error.message);
    if (error instanceof WorkspaceLockedError) {
      console.error(`switchyard serve: ${error.message}`);
      return 1;
    }
    throw error;
  }
  console.log(`Switchyard is serving ${workspaceDir} at ${server.url}`);
  const failed = await new Promise<Error | undefined>((resolve) => {
    server.loaded.catch((error: Error) => resolve(error));
    process.once("SIGINT", () => resolve(undefined));
    process.once("SIGTERM", () => resolve(undefined));
  });
  if (failed) {
    console.error(`switchyard serve: could not open the workspace: ${failed.message}`);
    await server.close().catch(() => {});
    return 1;
  }
  await server.close();
  return 0;
}

/** Reads langgraph.json up front, so a broken one is a usage error before the port opens. */
function checkProjectConfig(file: string): string {
  try {
    return readProjectConfig(resolve(file)).configFile;
  } catch (error) {
    if (error instanceof LangGraphConfigError) throw new CliUsageError(`--config ${error.message}`);
    throw error;
  }
}

function checkpointerOption(url: string | undefined): string | undefined {
  if (url === undefined || url === "file" || isPostgresUrl(url)) return url;
  throw new CliArgumentError(`--checkpointer ${url}: give a postgres://user:password@host:port/database URL (or "file")`);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 2024;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliArgumentError(`--port ${text}: must be a whole number from 0 to 65535`);
  return port;
}
