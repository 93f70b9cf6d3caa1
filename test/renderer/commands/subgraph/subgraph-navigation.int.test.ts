import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphDoc } from "../../../../shared/graph-doc";
import { serializeGraphDoc } from "../../../../shared/graph-serialize";
import { switchyardApi } from "../../../../renderer/client/switchyard-api";
import { addNode } from "../../../../renderer/commands/add-node";
import { refreshWorkspace } from "../../../../renderer/commands/refresh-workspace";
import { setJoin } from "../../../../renderer/commands/set-join";
import { extractSubgraph } from "../../../../renderer/commands/subgraph/extract-subgraph";
import { leaveSubgraph, openSubgraph } from "../../../../renderer/commands/subgraph/subgraph-navigation";
import { graphHistory, loadDoc, stepHistory, useGraphStore } from "../../../../renderer/stores/graph-store";
import { closeOpenGraph, openWorkspaceGraph, subgraphDepth, useOpenGraph } from "../../../../renderer/stores/open-graph-store";
import { useUiStore } from "../../../../renderer/stores/ui-store";
import { startServerProcess, type ServerProcess } from "../../../main/api/server-process";
import { chainDoc } from "./chain-doc";

/**
 * Opening subgraphs against a real `switchyard serve` on a temporary workspace: agent runs
 * research (made from agent's a, b, c), research runs deep (made from its c).
 */
describe("subgraph navigation (open, back, nested, undo per file)", () => {
  let dir: string;
  let server: ServerProcess;
  const file = (name: string) => join(dir, `${name}.graph.json`);
  const onDisk = (name: string) => JSON.parse(readFileSync(file(name), "utf8")) as GraphDoc;
  const where = () => ({ graph: useGraphStore.getState().graphName, path: useOpenGraph.getState().path, via: useOpenGraph.getState().via, depth: subgraphDepth() });
  const lastToast = () => useUiStore.getState().toasts.at(-1)?.message ?? "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "switchyard-subnav-"));
    const first = extractSubgraph(chainDoc(), ["a", "b", "c"], "research");
    const second = extractSubgraph(first.child, ["c"], "deep");
    writeFileSync(file("agent"), serializeGraphDoc(first.parent));
    writeFileSync(file("research"), serializeGraphDoc(second.parent));
    writeFileSync(file("deep"), serializeGraphDoc(second.child));
    server = await startServerProcess(dir);
    vi.stubGlobal("window", { location: { origin: server.url, hash: "" } });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await refreshWorkspace();
    const agent = await switchyardApi.readGraph("agent");
    openWorkspaceGraph("agent");
    loadDoc("agent", agent.doc, agent.hash);
  });
  afterEach(() => closeOpenGraph());

  it("opens a subgraph node's graph one step down the path, saving the parent first, and comes back with the parent's undo", async () => {
    setJoin.run({ id: "finish", on: true });
    await openSubgraph("research");
    expect(where()).toEqual({ graph: "research", path: ["agent", "research"], via: ["research"], depth: 1 });
    expect(onDisk("agent").nodes.find((node) => node.id === "finish")?.join).toBe(true);
    // The child's own history: nothing to undo yet.
    expect(graphHistory().pastStates).toHaveLength(0);

    addNode.run({ kind: "code", position: { x: 0, y: 600 } });
    expect(graphHistory().pastStates).toHaveLength(1);
    await leaveSubgraph();
    expect(where()).toEqual({ graph: "agent", path: ["agent"], via: [], depth: 0 });
    // The child's edit went to its file; the parent's history is back: undo removes the join.
    expect(onDisk("research").nodes.map((node) => node.id)).toContain("code");
    expect(graphHistory().pastStates).toHaveLength(1);
    stepHistory("undo");
    expect(useGraphStore.getState().doc!.nodes.find((node) => node.id === "finish")?.join).toBeUndefined();
  });

  it("goes two levels down (agent > research > deep) and back to the top by a crumb", async () => {
    await openSubgraph("research");
    await openSubgraph("deep");
    expect(where()).toEqual({ graph: "deep", path: ["agent", "research", "deep"], via: ["research", "deep"], depth: 2 });
    expect(useGraphStore.getState().doc!.nodes.map((node) => node.id)).toEqual(["c"]);
    await leaveSubgraph(0);
    expect(where()).toEqual({ graph: "agent", path: ["agent"], via: [], depth: 0 });
  });

  it("refuses a node that is no subgraph or runs a graph already open above, and changes nothing", async () => {
    await openSubgraph("prep");
    expect(lastToast()).toMatch(/"prep" is not a subgraph node/);
    expect(where().depth).toBe(0);
    await openSubgraph("research");
    // research's copy of a node running agent would make a cycle: opening it is refused by name.
    loadDoc("research", { ...useGraphStore.getState().doc!, nodes: [...useGraphStore.getState().doc!.nodes, { id: "loop", kind: "subgraph", position: { x: 0, y: 0 }, config: { graph: "agent" } }] }, useGraphStore.getState().hash);
    await openSubgraph("loop");
    expect(lastToast()).toMatch(/"agent" is already open above \(agent > research\)/);
    expect(where()).toMatchObject({ graph: "research", depth: 1 });
  });

  it("brings the parent back from disk when its file changed while the subgraph was open", async () => {
    setJoin.run({ id: "finish", on: true });
    await openSubgraph("research");
    writeFileSync(file("agent"), serializeGraphDoc({ ...onDisk("agent"), description: "changed outside" }));
    await leaveSubgraph();
    expect(where().graph).toBe("agent");
    expect(useGraphStore.getState().doc!.description).toBe("changed outside");
    // Read fresh: the parked history belonged to the old file.
    expect(graphHistory().pastStates).toHaveLength(0);
  });
});
