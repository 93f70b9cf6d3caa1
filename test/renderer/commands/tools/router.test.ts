import { addNode } from "../../../../renderer/commands/add-node";
import { addRouter } from "../../../../renderer/commands/tools/add-router";
import { routeEdgeGaps, syncRouteEdges } from "../../../../renderer/commands/tools/route-edges";
import { END, type GraphDoc } from "../../../../shared/graph-doc";
import { validateGraphDoc } from "../../../../shared/graph-validate";
import type { LlmConfig } from "../../../../shared/node-kinds/llm";
import { emptyDoc } from "../seed";

const withEnum = (doc: GraphDoc, values: string[]): GraphDoc => ({
  ...doc,
  nodes: doc.nodes.map((node) => (node.id === "router" ? { ...node, config: { ...(node.config as LlmConfig), outputFields: [{ ...(node.config as LlmConfig).outputFields![0], enum: values }] } } : node)) as GraphDoc["nodes"],
});

describe("the Router preset", () => {
  it("adds an llm node with one enum output field, a field-equals edge per value to a new node and an otherwise edge; the graph validates", () => {
    const { doc, select } = addRouter.apply(emptyDoc(), { position: { x: 100, y: 0 } });
    const router = doc.nodes.find((node) => node.id === "router")!;
    expect(router.kind).toBe("llm");
    expect((router.config as LlmConfig).outputFields).toEqual([expect.objectContaining({ name: "route", type: "string", enum: ["billing", "tech"] })]);
    expect(doc.state.fields.route).toMatchObject({ type: "string", reducer: "replace" });
    expect(doc.edges.filter((edge) => edge.source === "router").map((edge) => [edge.target, edge.when])).toEqual([
      ["billing", { type: "field-equals", field: "route", value: "billing" }],
      ["tech", { type: "field-equals", field: "route", value: "tech" }],
      [END, { type: "otherwise" }],
    ]);
    expect(doc.nodes.map((node) => node.id).sort()).toEqual(["billing", "router", "tech"]);
    expect(select).toEqual({ nodes: ["router"] });
    const checked = validateGraphDoc({ ...doc, entry: "router" });
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it("picks free ids when the names are taken, and a free field when route is not text", () => {
    let doc = addNode.apply(emptyDoc(), { kind: "llm", position: { x: 0, y: 0 }, id: "billing" }).doc;
    doc = { ...doc, state: { fields: { ...doc.state.fields, route: { type: "number", reducer: "replace" } } } };
    const next = addRouter.apply(doc, { position: { x: 0, y: 0 } }).doc;
    expect(next.edges.find((edge) => edge.when?.type === "field-equals" && edge.when.value === "billing")).toMatchObject({ target: "billing_2", when: { field: "route_2" } });
    expect(next.state.fields.route_2).toMatchObject({ type: "string" });
  });
});

describe("matching a router's edges to its enum", () => {
  const router = () => addRouter.apply(emptyDoc(), { position: { x: 0, y: 0 } }).doc;

  it("finds nothing to do while the edges and the enum agree", () => {
    expect(routeEdgeGaps(router(), "router")).toEqual([]);
  });

  it("adds an edge (to a new node) for a new value and removes the edge of a dropped one, in one step", () => {
    const edited = withEnum(router(), ["billing", "sales"]);
    const [gap] = routeEdgeGaps(edited, "router");
    expect(gap.missing).toEqual(["sales"]);
    expect(gap.stale.map((edge) => edge.target)).toEqual(["tech"]);
    const { doc } = syncRouteEdges.apply(edited, { nodeId: "router", field: "route" });
    expect(routeEdgeGaps(doc, "router")).toEqual([]);
    const routes = doc.edges.filter((edge) => edge.source === "router").map((edge) => `${edge.target}:${edge.when?.type}`);
    expect(routes.sort()).toEqual(["__end__:otherwise", "billing:field-equals", "sales:field-equals"]);
    // The dropped value's node stays (it may hold work); nothing reaches it any more.
    const checked = validateGraphDoc({ ...doc, entry: "router" });
    expect(checked.ok ? [] : checked.problems.map((problem) => problem.message)).toEqual(['"tech" cannot be reached from START']);
  });

  it("offers nothing for an enum field no edge routes on", () => {
    const doc = router();
    const unrouted = { ...doc, edges: doc.edges.filter((edge) => edge.when?.type !== "field-equals") };
    expect(routeEdgeGaps(withEnum(unrouted, ["a", "b"]), "router")).toEqual([]);
  });
});
