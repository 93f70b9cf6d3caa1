import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { spawnServe, type ServeProcess } from "./serve-process";

/** A workspace written by the spec, served by its own `switchyard serve` with the environment the spec gives it. */
export interface ToolsWorkspace {
  dir: string;
  url: string;
  settingsFile: string;
  stop(): Promise<void>;
}

export async function startToolsWorkspace(page: Page, files: Record<string, unknown>, env: Record<string, string> = {}): Promise<ToolsWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-tools-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  // The server gets its own settings file: a secret saved from the form never reaches the user's.
  const settingsFile = join(dir, ".settings.json");
  const saved = { ...process.env };
  Object.assign(process.env, env, { SWITCHYARD_SETTINGS: settingsFile });
  let server: ServeProcess;
  try {
    server = await spawnServe(["--workspace", dir, "--port", "0"]);
  } finally {
    for (const key of [...Object.keys(env), "SWITCHYARD_SETTINGS"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  page.on("pageerror", (error) => console.error(`[page error] ${error.stack ?? error.message}`));
  await page.goto(server.url);
  return {
    dir,
    url: server.url,
    settingsFile,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A scripted agent that calls `tool` once with `args`, then answers with the tool's message; its tools node `action` starts with `tools`. */
export function agentGraph(name: string, tool: string, args: Record<string, string>, tools: unknown[] = []) {
  return {
    version: 1,
    name,
    entry: "agent",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [
      { id: "agent", kind: "llm", position: { x: 0, y: 0 }, config: { provider: "scripted", tools: [tool], replies: [{ when: { type: "turn", index: 0 }, content: "", toolCalls: [{ name: tool, args }] }, { content: "The tool said: {{last_message}}", toolCalls: [] }] } },
      { id: "action", kind: "tools", position: { x: 0, y: 200 }, config: { tools } },
    ],
    edges: [
      { id: "agent-action", source: "agent", target: "action", order: 0, when: { type: "has-tool-calls" } },
      { id: "agent-end", source: "agent", target: "__end__", order: 1, when: { type: "otherwise" } },
      { id: "action-agent", source: "action", target: "agent" },
    ],
  };
}
