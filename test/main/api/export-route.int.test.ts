import { exportGraphDoc } from "../../../main/export";
import { loadSeedDoc } from "../../helpers/seed";
import { servedWorkspace } from "./server-process";

/** Spawns `switchyard serve`. */
describe("POST /switchyard/export", () => {
  const live = servedWorkspace();

  it("returns the project files for a workspace graph by name, or for a document sent along", async () => {
    const byName = await live.request("POST", "/switchyard/export", { graph: "agent", lang: "ts" });
    expect(byName.status).toBe(200);
    expect(byName.json).toEqual({ files: exportGraphDoc(loadSeedDoc(), "ts") });
    const byDoc = await live.request("POST", "/switchyard/export", { graph: loadSeedDoc(), lang: "python" });
    expect(byDoc.status).toBe(200);
    expect(byDoc.json.files.map((file: { path: string }) => file.path)).toEqual(["README.md", "graph.py", "langgraph.json", "pyproject.toml"]);
  });

  it("answers 400 for a bad language, 404 for an unknown graph, 422 for a graph with problems", async () => {
    const badLang = await live.request("POST", "/switchyard/export", { graph: "agent", lang: "go" });
    expect(badLang.status).toBe(400);
    expect(badLang.json.detail).toMatch(/^lang: /);
    expect((await live.request("POST", "/switchyard/export", { graph: "nope", lang: "ts" })).status).toBe(404);
    const broken = { ...loadSeedDoc(), entry: "missing" };
    const invalid = await live.request("POST", "/switchyard/export", { graph: broken, lang: "ts" });
    expect(invalid.status).toBe(422);
    expect(invalid.json.problems[0]).toMatchObject({ path: "entry" });
  });
});
