import { readFileSync } from "node:fs";
import { validateGraphDoc } from "../../shared/graph-validate";
import { formatProblem } from "../../shared/problem";

const seedText = readFileSync(new URL("../../examples/weather-agent/agent.graph.json", import.meta.url), "utf8");
const seed = () => JSON.parse(seedText);

function problemsOf(doc: unknown): string[] {
  const result = validateGraphDoc(doc);
  return result.problems.map(formatProblem);
}

describe("validateGraphDoc", () => {
  it("accepts the seed graph", () => {
    expect(problemsOf(seed())).toEqual([]);
  });

  it("names the path of a missing required field", () => {
    const doc = seed();
    const action = doc.nodes.findIndex((node: { id: string }) => node.id === "action");
    delete doc.nodes[action].config.tools[0].name;
    expect(problemsOf(doc)).toContain(`nodes[${action}].config.tools[0].name: required`);
  });

  it("names an unknown node kind and lists the known ones", () => {
    const doc = seed();
    doc.nodes[1].kind = "telepathy";
    expect(problemsOf(doc)).toEqual([`nodes[1].kind: unknown node kind "telepathy" (known: llm, tools, human, set, code, subgraph)`]);
  });

  it("rejects a wrong version and an unknown top-level field", () => {
    const doc = { ...seed(), version: 7, colour: "red" };
    const problems = problemsOf(doc);
    expect(problems).toContain('version: must be one of 1 (got 7)');
    expect(problems).toContain('unknown field "colour"');
  });

  it("catches an edge to a missing node", () => {
    const doc = seed();
    doc.edges.push({ id: "agent-ghost", source: "action", target: "ghost" });
    expect(problemsOf(doc)).toContainEqual(expect.stringMatching(/^edges\[\d+\]\.target: edge to missing node "ghost"$/));
  });

  it("catches duplicate node ids", () => {
    const doc = seed();
    doc.nodes.push({ ...doc.nodes[0] });
    expect(problemsOf(doc)).toContain(`nodes[3].id: duplicate node id "${doc.nodes[0].id}"`);
  });

  it("catches a node unreachable from START", () => {
    const doc = seed();
    doc.nodes.push({ id: "orphan", kind: "set", position: { x: 0, y: 0 }, config: { values: {} } });
    doc.edges.push({ id: "orphan-end", source: "orphan", target: "__end__" });
    expect(problemsOf(doc)).toEqual(['nodes[3]: "orphan" cannot be reached from START']);
  });

  it("catches a conditional source without an otherwise fallback", () => {
    const doc = seed();
    doc.edges = doc.edges.filter((edge: { id: string }) => edge.id !== "agent-end");
    expect(problemsOf(doc)).toContainEqual(expect.stringContaining('"agent" has conditional edges but no "otherwise" fallback'));
  });

  it("catches a tool call whose target tool does not exist", () => {
    const doc = seed();
    const agent = doc.nodes.findIndex((node: { id: string }) => node.id === "agent");
    doc.nodes[agent].config.tools.push("weather_api");
    expect(problemsOf(doc)).toContain(`nodes[${agent}].config.tools[2]: no tools node or human node provides tool "weather_api"`);
  });

  it("catches a scripted reply calling a tool the model is not bound to", () => {
    const doc = seed();
    const agent = doc.nodes.findIndex((node: { id: string }) => node.id === "agent");
    doc.nodes[agent].config.replies[0].toolCalls[0].name = "teleport";
    expect(problemsOf(doc)).toContain(`nodes[${agent}].config.replies[0].toolCalls[0].name: calls tool "teleport", which is not bound to this model`);
  });

  it("catches a reducer that does not fit its field type", () => {
    const doc = seed();
    doc.state.fields.count = { type: "string", reducer: "sum" };
    expect(problemsOf(doc)).toContain('state.fields.count.reducer: reducer "sum" does not fit a string field');
  });

  it("catches an entry that is not a node", () => {
    expect(problemsOf({ ...seed(), entry: "nowhere" })).toContainEqual('entry: entry "nowhere" is not a node of this graph');
  });

  it("reports problems with the node id so the canvas can select it", () => {
    const doc = seed();
    doc.nodes.push({ id: "orphan", kind: "set", position: { x: 0, y: 0 }, config: { values: {} } });
    doc.edges.push({ id: "orphan-end", source: "orphan", target: "__end__" });
    expect(validateGraphDoc(doc).problems[0]).toMatchObject({ nodeId: "orphan" });
  });
});
