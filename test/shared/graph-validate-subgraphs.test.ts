import { describeCondition } from "../../shared/conditions";
import type { GraphDoc } from "../../shared/graph-doc";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { validateGraphDoc } from "../../shared/graph-validate";
import { formatProblem } from "../../shared/problem";
import { forkDoc, graphsOf, mapperDoc, researcherDoc, teamDoc } from "../helpers/compose-docs";

const problemsOf = (doc: unknown, workspace?: Map<string, GraphDoc | undefined>) => validateGraphDoc(doc, workspace).problems.map(formatProblem);

/** `a` runs `b` through its node `use_b`, and so on: a chain of graphs built from one small shape. */
function user(name: string, runs: string): GraphDoc {
  return {
    version: 1,
    name,
    entry: `use_${runs}`,
    state: { fields: { notes: { type: "list", reducer: "append" } } },
    nodes: [{ id: `use_${runs}`, kind: "subgraph", position: { x: 0, y: 0 }, config: { graph: runs } }],
    edges: [],
  };
}

describe("subgraph nodes in the document", () => {
  it("accept the exact shape and keep it through the serializer", () => {
    const parsed = validateGraphDoc(teamDoc(), graphsOf(researcherDoc()));
    expect(parsed.problems).toEqual([]);
    const text = serializeGraphDoc(parsed.doc!);
    expect(JSON.parse(text).nodes.find((node: { id: string }) => node.id === "research")).toEqual({ id: "research", kind: "subgraph", position: { x: 0, y: 0 }, config: { graph: "researcher" } });
    expect(serializeGraphDoc(validateGraphDoc(JSON.parse(text)).doc!)).toBe(text);
  });

  it("save with no graph chosen yet (the palette's default) and say to choose one", () => {
    const team = teamDoc();
    team.nodes[0] = { ...team.nodes[0], kind: "subgraph", config: { graph: "" } } as GraphDoc["nodes"][number];
    expect(problemsOf(team, graphsOf(researcherDoc()))).toEqual([`nodes[0].config.graph: subgraph node "research" runs no graph yet: choose a graph of the workspace`]);
  });

  it("need the named graph to exist, listing the workspace's graphs", () => {
    expect(problemsOf(teamDoc(), graphsOf(forkDoc(true)))).toEqual([
      `nodes[0].config.graph: subgraph node "research" runs graph "researcher", which is not in this workspace (no researcher.graph.json; graphs: fork)`,
    ]);
    expect(problemsOf(teamDoc(), new Map([["researcher", undefined]]))).toEqual([
      `nodes[0].config.graph: subgraph node "research" runs graph "researcher", whose file does not match the graph schema: fix researcher.graph.json first`,
    ]);
  });

  it("report a cycle of graphs with its chain", () => {
    expect(problemsOf(user("a", "b"), graphsOf(user("b", "c"), user("c", "a")))).toEqual([
      `nodes[0].config.graph: subgraph node "use_b" makes a cycle of graphs: a > b > c > a (a graph cannot run itself)`,
    ]);
    expect(problemsOf(user("a", "a"), graphsOf())).toEqual([`nodes[0].config.graph: subgraph node "use_a" makes a cycle of graphs: a > a (a graph cannot run itself)`]);
  });

  it("report a shared field of another type or reducer, naming both graphs", () => {
    const researcher = researcherDoc();
    researcher.state.fields.notes = { type: "string", reducer: "replace" };
    expect(problemsOf(teamDoc(), graphsOf(researcher))).toEqual([
      `nodes[0].config.graph: state field "notes" is a list field with reducer "append" in graph "team" but a string field with reducer "replace" in graph "researcher" (subgraph node "research"): shared fields must match, or rename one`,
    ]);
  });

  it("wait for the workspace before checking other graphs (no workspace given: no subgraph problems)", () => {
    expect(problemsOf(teamDoc())).toEqual([]);
  });
});

describe("joins", () => {
  it("keep `join: true` through the serializer", () => {
    const text = serializeGraphDoc(validateGraphDoc(forkDoc(true)).doc!);
    expect(JSON.parse(text).nodes.find((node: { id: string }) => node.id === "merge").join).toBe(true);
    expect(text).toContain(`"id": "merge",\n      "kind": "set",\n      "position": {\n        "x": 0,\n        "y": 0\n      },\n      "join": true,`);
  });
});

describe("for-each edges", () => {
  it("accept the exact shape, need no otherwise rule and read as 'for each <as>'", () => {
    const doc = mapperDoc();
    expect(problemsOf(doc)).toEqual([]);
    expect(doc.edges[0].when).toEqual({ type: "for-each", field: "topics", as: "topic" });
    expect(describeCondition(doc.edges[0].when!)).toBe("for each topic");
  });

  it("need a list field to map over and `as` to be a state field of the target's graph", () => {
    const doc = mapperDoc();
    doc.edges[0].when = { type: "for-each", field: "topic", as: "subject" };
    expect(problemsOf(doc)).toEqual([
      `edges[0].when.field: for-each maps over "topic", a string field: it needs a list`,
      `edges[0].when.as: for-each gives each task its item as "subject", which is not a state field of this graph`,
    ]);
    doc.edges[0].when = { type: "for-each", field: "nothing", as: "topic" };
    expect(problemsOf(doc)).toEqual([`edges[0].when.field: for-each maps over "nothing", which is not a state field`]);
  });

  it("check `as` against the child graph when the target is a subgraph node", () => {
    const team = teamDoc();
    team.state.fields.topics = { type: "list", reducer: "replace" };
    team.state.fields.subject = { type: "string", reducer: "replace" };
    team.nodes.push({ id: "plan", kind: "set", position: { x: 0, y: 0 }, config: { values: {} } });
    team.entry = "plan";
    team.edges.push({ id: "plan-research", source: "plan", target: "research", when: { type: "for-each", field: "topics", as: "subject" } });
    expect(problemsOf(team, graphsOf(researcherDoc()))).toEqual([
      `edges[1].when.as: for-each gives each task its item as "subject", which is not a state field of graph "researcher" (run by "research")`,
    ]);
    team.edges[1].when = { type: "for-each", field: "topics", as: "topic" };
    expect(problemsOf(team, graphsOf(researcherDoc()))).toEqual([]);
  });
});
