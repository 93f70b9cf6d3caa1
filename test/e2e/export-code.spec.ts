import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

/** The zip's files and contents, read by Python's zipfile (an independent reader of our zip writer). */
function readZip(path: string): Record<string, string> {
  const script = "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).decode('utf-8') for n in z.namelist()}))";
  return JSON.parse(execFileSync("python3", ["-c", script, path], { encoding: "utf8" })) as Record<string, string>;
}

async function exportAs(page: Page, label: "TypeScript" | "Python", dir: string): Promise<{ name: string; files: Record<string, string> }> {
  await page.getByRole("button", { name: "Export as code…" }).click();
  const menu = page.getByRole("menu", { name: "Export as code" });
  await expect(menu).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("menuitem", { name: `${label} project (.zip)` }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), files: readZip(path) };
}

test("Export as code… downloads the graph as a runnable LangGraph project, TypeScript or Python", async ({ page, workspace }) => {
  void workspace;
  const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-export-"));
  try {
    await expect(page.locator('.react-flow__node[data-id="ask_human"]')).toBeVisible();
    const ts = await exportAs(page, "TypeScript", dir);
    expect(ts.name).toBe("agent-langgraph-ts.zip");
    const tsPaths = Object.keys(ts.files);
    for (const file of ["README.md", "langgraph.json", "package.json", "src/graph.ts", "src/support.ts", "tsconfig.json"]) expect(tsPaths).toContain(`agent-langgraph-ts/${file}`);
    expect(JSON.parse(ts.files["agent-langgraph-ts/langgraph.json"]).graphs).toEqual({ agent: "./src/graph.ts:graph" });
    const graph = ts.files["agent-langgraph-ts/src/graph.ts"];
    expect(graph).toContain("StateGraph");
    for (const id of ["agent", "ask_human", "action"]) expect(graph).toContain(`"${id}"`);
    await expect(page.getByText(/Exported "agent" as a TypeScript LangGraph project/)).toBeVisible();
    await screenshot(page, "export-1-typescript");

    const py = await exportAs(page, "Python", dir);
    expect(py.name).toBe("agent-langgraph-python.zip");
    expect(Object.keys(py.files)).toEqual(expect.arrayContaining(["agent-langgraph-python/graph.py", "agent-langgraph-python/pyproject.toml", "agent-langgraph-python/langgraph.json"]));
    expect(py.files["agent-langgraph-python/graph.py"]).toContain("ask_human");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
