import { join } from "node:path";
import { test as base } from "@playwright/test";
import { expect, node, openDoc, ROOT, screenshot } from "./fixtures";
import { runPanel } from "./debugger-helpers";
import { agentGraph, startToolsWorkspace, type ToolsWorkspace } from "./tools-setup";

const FILES_SERVER = join(ROOT, "test/fixtures/mcp/files-server.mjs");
const BROKEN_SERVER = join(ROOT, "test/fixtures/mcp/broken-server.mjs");

/** A workspace with two MCP servers (one that cannot start) and an agent whose tools node uses the broken one. */
const test = base.extend<{ workspace: ToolsWorkspace }>({
  workspace: async ({ page }, use) => {
    const workspace = await startToolsWorkspace(page, {
      "notes.txt": "first notes",
      "mcp.json": { mcpServers: { files: { command: process.execPath, args: [FILES_SERVER], env: { ROOT: "." } }, db: { command: process.execPath, args: [BROKEN_SERVER] } } },
      "reader.graph.json": agentGraph("reader", "query_db", { sql: "select 1" }, [{ kind: "mcp", name: "query_db", server: "db", tool: "query", description: "", args: [] }]),
    });
    await use(workspace);
    await workspace.stop();
  },
});

test("a server that fails to start is a problem on its node, with its stderr; Add tools from server adds live tools in one undo step; Try it calls one", async ({ page, workspace }) => {
  void workspace;
  // The preflight starts db: its stderr is on the node that uses it, in PROBLEMS.
  await runPanel.tab(page, "Problems").click();
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText('MCP server "db" failed to start', { timeout: 20_000 });
  await expect(problems).toContainText("broken-server: cannot open database /nope/db.sqlite");

  await node(page, "action").click();
  const inspector = page.getByLabel("Settings of action");
  await expect(inspector.getByRole("list", { name: "Problems of this node" })).toContainText("cannot open database");
  await inspector.getByRole("button", { name: "Add tools from server…" }).click();

  const dialog = page.getByRole("dialog", { name: "Add tools from server to action" });
  const servers = dialog.getByRole("list", { name: "MCP servers" });
  await expect(servers.getByRole("button")).toHaveText([/^db\s*failed to start\s*stdio$/, /^files\s*(not started|running)\s*stdio$/]);
  // The first server is chosen: its failure with its stderr.
  await expect(dialog.getByLabel("Server error")).toContainText("broken-server: cannot open database /nope/db.sqlite");

  await servers.getByRole("button", { name: /^files/ }).click();
  const tools = dialog.getByRole("group", { name: "Tools of files" });
  await expect(tools.getByRole("checkbox")).toHaveCount(4);
  await expect(tools).toContainText("Reads a text file of the workspace");
  await expect(tools).toContainText("path: string");
  await expect(servers.getByRole("button", { name: /^files/ })).toContainText("running");
  await tools.getByRole("checkbox", { name: "read_file" }).check();
  await tools.getByRole("checkbox", { name: "add" }).check();
  await screenshot(page, "tools-mcp-add-from-server");
  await dialog.getByRole("button", { name: "Add 2 tools" }).click();
  await expect(dialog).toBeHidden();

  const entries = async () => {
    const doc = await openDoc(page);
    const action = doc.nodes.find((item) => item.id === "action")!;
    return (action.config as { tools: Array<Record<string, unknown>> }).tools.map((tool) => `${tool.kind}:${tool.name}:${tool.server}/${tool.tool}`);
  };
  await expect.poll(entries).toEqual(["mcp:query_db:db/query", "mcp:read_file:files/read_file", "mcp:add:files/add"]);

  // The added tool's card tries it: sample args from the server's schema.
  const card = inspector.getByRole("group", { name: "read_file" });
  const tryIt = card.getByRole("region", { name: "Try read_file" });
  await tryIt.getByLabel("Sample path").fill("notes.txt");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByLabel("Try result")).toContainText(/OK\s*\d+ ms/);
  await expect(tryIt.getByLabel("Tool response")).toHaveText("first notes");
  await screenshot(page, "tools-mcp-try-it");

  // One undo step removes both entries.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(entries).toEqual(["mcp:query_db:db/query"]);
});
