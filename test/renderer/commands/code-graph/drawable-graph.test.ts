import type { AssistantGraph } from "@langchain/langgraph-sdk";
import { drawnGraphOf, stateFieldsFromSchema } from "../../../../renderer/commands/code-graph/drawable-graph";
import { layoutDrawing } from "../../../../renderer/canvas/layout";
import { flowFromDrawing } from "../../../../renderer/stores/flow-from-drawing";

/** What `GET /assistants/review/graph?xray=true` answers for the code-project fixture's review graph. */
const review: AssistantGraph = {
  nodes: ["__start__", "ask_name", "greet:compose", "greet:punctuate", "remember", "__end__"].map((id) => ({ id, type: "runnable", data: {} })) as AssistantGraph["nodes"],
  edges: [
    { source: "__start__", target: "ask_name" },
    { source: "ask_name", target: "greet:compose" },
    { source: "greet:compose", target: "greet:punctuate" },
    { source: "greet:punctuate", target: "remember" },
    { source: "remember", target: "__end__" },
  ],
};

/** The code-defined seed (bench/server-official): a conditional router out of agent. */
const seed: AssistantGraph = {
  nodes: ["__start__", "agent", "ask_human", "action", "__end__"].map((id) => ({ id })),
  edges: [
    { source: "__start__", target: "agent" },
    { source: "agent", target: "ask_human", conditional: true },
    { source: "agent", target: "action", conditional: true },
    { source: "agent", target: "__end__", conditional: true, data: "done" },
    { source: "ask_human", target: "agent" },
    { source: "action", target: "agent" },
  ],
};

describe("drawnGraphOf", () => {
  it("groups a subgraph's xray nodes under the subgraph node, groups first", () => {
    const graph = drawnGraphOf(review);
    expect(graph.nodes.map((node) => [node.id, node.role, node.parent ?? "", node.top])).toEqual([
      ["greet", "group", "", "greet"],
      ["__start__", "start", "", "__start__"],
      ["ask_name", "node", "", "ask_name"],
      ["greet:compose", "node", "greet", "greet"],
      ["greet:punctuate", "node", "greet", "greet"],
      ["remember", "node", "", "remember"],
      ["__end__", "end", "", "__end__"],
    ]);
    expect(graph.nodes.find((node) => node.id === "greet:compose")!.label).toBe("compose");
  });

  it("keys edges into and out of a subgraph by the top-level nodes, as the run store does", () => {
    const edges = drawnGraphOf(review).edges;
    expect(edges.find((edge) => edge.id === "ask_name->greet:compose")).toMatchObject({ runSource: "ask_name", runTarget: "greet" });
    expect(edges.find((edge) => edge.id === "greet:compose->greet:punctuate")).toMatchObject({ runSource: "greet", runTarget: "greet" });
  });

  it("keeps conditional edges conditional and a path label that is not the target's name", () => {
    const edges = drawnGraphOf(seed).edges;
    expect(edges.filter((edge) => edge.conditional).map((edge) => edge.target)).toEqual(["ask_human", "action", "__end__"]);
    expect(edges.find((edge) => edge.target === "__end__")!.label).toBe("done");
    expect(edges.find((edge) => edge.target === "action")!.label).toBeUndefined();
  });
});

describe("stateFieldsFromSchema", () => {
  it("types the state editor's fields from the state JSON schema; no schema is a chat's messages", () => {
    expect(stateFieldsFromSchema({ properties: { name: { type: "string" }, visits: { type: "number" }, tags: { type: ["array", "null"] }, "bad name": { type: "string" } } })).toEqual({
      name: { type: "string", reducer: "replace" },
      visits: { type: "number", reducer: "replace" },
      tags: { type: "list", reducer: "replace" },
    });
    expect(stateFieldsFromSchema(null)).toEqual({ messages: { type: "messages", reducer: "messages" } });
  });
});

describe("layoutDrawing + flowFromDrawing", () => {
  it("lays out top to bottom with a subgraph's nodes inside its group, nothing draggable", async () => {
    const graph = drawnGraphOf(review);
    const layout = await layoutDrawing(graph);
    const { boxes } = layout;
    expect(boxes.__start__.y).toBeLessThan(boxes.ask_name.y);
    expect(boxes.ask_name.y).toBeLessThan(boxes.greet.y);
    expect(boxes.greet.y).toBeLessThan(boxes.remember.y);
    // Children are placed relative to the group and fit inside it.
    expect(boxes["greet:compose"].y + boxes["greet:compose"].height).toBeLessThanOrEqual(boxes.greet.height);
    expect(boxes["greet:compose"].y).toBeLessThan(boxes["greet:punctuate"].y);
    const { nodes, edges } = flowFromDrawing(graph, layout);
    expect(nodes.find((node) => node.id === "greet:compose")).toMatchObject({ parentId: "greet", type: "drawnNode", draggable: false });
    expect(nodes.find((node) => node.id === "greet")).toMatchObject({ type: "drawnGroup", width: boxes.greet.width });
    expect(nodes.every((node) => node.draggable === false && node.deletable === false && node.connectable === false)).toBe(true);
    expect(edges).toHaveLength(5);
    // Every edge follows elk's route, in absolute coordinates: ask_name's bottom to compose's top inside the group.
    const into = edges.find((edge) => edge.id === "ask_name->greet:compose")!.data!.points!;
    expect(into[0].y).toBe(boxes.ask_name.y + boxes.ask_name.height);
    expect(into.at(-1)!.y).toBe(boxes.greet.y + boxes["greet:compose"].y);
  });
});
