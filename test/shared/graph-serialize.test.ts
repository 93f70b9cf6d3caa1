import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGraphJson } from "../../shared/graph-parse";
import { serializeGraphDoc } from "../../shared/graph-serialize";

const examples = new URL("../../examples/", import.meta.url).pathname;
const graphFiles = readdirSync(examples, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".graph.json"));

describe("serializeGraphDoc", () => {
  it.each(graphFiles)("loads and saves %s byte for byte", (file) => {
    const text = readFileSync(join(examples, file), "utf8");
    const parsed = parseGraphJson(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializeGraphDoc(parsed.doc)).toBe(text);
  });

  it("sorts nodes and keys, rounds positions and ends with a newline", () => {
    const text = readFileSync(join(examples, "weather-agent/agent.graph.json"), "utf8");
    const parsed = parseGraphJson(text);
    if (!parsed.ok) throw new Error("seed invalid");
    const shuffled = { ...parsed.doc, nodes: [...parsed.doc.nodes].reverse(), edges: [...parsed.doc.edges].reverse() };
    shuffled.nodes[0] = { ...shuffled.nodes[0], position: { x: 10.4, y: 20.6 } };
    const out = serializeGraphDoc(shuffled);
    expect(out.endsWith("}\n")).toBe(true);
    const reparsed = JSON.parse(out);
    expect(reparsed.nodes.map((node: { id: string }) => node.id)).toEqual(["action", "agent", "ask_human"]);
    expect(reparsed.nodes.find((node: { id: string }) => node.id === shuffled.nodes[0].id).position).toEqual({ x: 10, y: 21 });
    expect(Object.keys(reparsed)).toEqual(["version", "name", "description", "entry", "state", "nodes", "edges"]);
    const again = parseGraphJson(out);
    if (!again.ok) throw new Error("serialised document does not parse");
    expect(serializeGraphDoc(again.doc)).toBe(out);
  });
});
