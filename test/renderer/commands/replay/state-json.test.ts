import { parseStateJson } from "../../../../renderer/commands/replay/state-json";
import { seedDoc } from "../seed";

describe("state JSON typed by hand (pins, run one node)", () => {
  const doc = seedDoc();

  it("accepts an object of the graph's state fields", () => {
    expect(parseStateJson('{"messages": [{"type": "ai", "content": "pinned"}]}', doc, "output")).toEqual({ messages: [{ type: "ai", content: "pinned" }] });
    expect(parseStateJson("{}", doc, "state")).toEqual({});
  });

  it("names what is wrong: not JSON, not an object, an unknown field, an empty output", () => {
    expect(() => parseStateJson("{messages:", doc, "output")).toThrow(/Not valid JSON/);
    expect(() => parseStateJson("[1]", doc, "output")).toThrow(/must be a JSON object of state fields/);
    expect(() => parseStateJson('"text"', doc, "state")).toThrow(/must be a JSON object/);
    expect(() => parseStateJson('{"mesages": []}', doc, "output")).toThrow(/"mesages" is not a state field of this graph \(its fields: messages\)/);
    expect(() => parseStateJson("{}", doc, "output")).toThrow(/An empty output changes nothing/);
  });
});
