import { sampleArgs, tryArgsOf, TryArgError } from "../../../../renderer/panels/tools/try-args";
import { withSecret } from "../../../../renderer/panels/tools/secret-insert";
import { toolDefinitionSchema } from "../../../../shared/node-kinds/tools";

describe("Try it's sample arguments", () => {
  it("come from an http or code tool's args, and from an mcp tool's server schema", () => {
    const http = toolDefinitionSchema.parse({ kind: "http", name: "w", url: "http://127.0.0.1:1/?q={{args.city}}", args: [{ name: "city" }, { name: "days", type: "number" }] });
    expect(tryArgsOf(http).map((arg) => `${arg.name}:${arg.type}`)).toEqual(["city:string", "days:number"]);
    const mcp = toolDefinitionSchema.parse({ kind: "mcp", name: "r", server: "files", tool: "read_file" });
    const schema = { properties: { path: { type: "string", description: "where" }, limit: { type: "integer" }, filter: { type: "object" } }, required: ["path"] };
    expect(tryArgsOf(mcp, { name: "read_file", description: "", inputSchema: schema })).toEqual([
      { name: "path", type: "string", description: "where", required: true },
      { name: "limit", type: "number", description: "", required: false },
      { name: "filter", type: "json", description: "", required: false },
    ]);
  });

  it("are typed from the form's text; an empty optional one is left out; a bad one names the argument", () => {
    const args = [
      { name: "path", type: "string" as const, description: "", required: true },
      { name: "limit", type: "number" as const, description: "", required: false },
      { name: "deep", type: "boolean" as const, description: "", required: false },
      { name: "filter", type: "json" as const, description: "", required: false },
    ];
    expect(sampleArgs(args, { path: "a.txt", limit: "3", deep: "true", filter: '{"x":1}' })).toEqual({ path: "a.txt", limit: 3, deep: true, filter: { x: 1 } });
    expect(sampleArgs(args, { path: "" })).toEqual({ path: "", deep: false });
    expect(() => sampleArgs(args, { limit: "many" })).toThrow(new TryArgError("limit", '"many" is not a number'));
    expect(() => sampleArgs(args, { filter: "{" })).toThrow('argument "filter": is not valid JSON');
    expect(() => sampleArgs([{ name: "n", type: "number", description: "", required: true }], {})).toThrow('argument "n": give a sample value');
  });
});

describe("putting a secret into a header", () => {
  it("makes an empty Authorization a bearer header, any other empty header the placeholder, and keeps text already there", () => {
    expect(withSecret("Authorization", "", "KEY")).toBe("Bearer {{secrets.KEY}}");
    expect(withSecret("X-Api-Key", "", "KEY")).toBe("{{secrets.KEY}}");
    expect(withSecret("Authorization", "Token", "KEY")).toBe("Token {{secrets.KEY}}");
    expect(withSecret("Authorization", "Bearer ", "KEY")).toBe("Bearer {{secrets.KEY}}");
  });
});
