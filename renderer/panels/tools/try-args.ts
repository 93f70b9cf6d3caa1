import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import type { McpToolInfo } from "../../client/tools-api";

/** One sample argument of "Try it": from the tool's args, or for an mcp tool from its server's schema. */
export interface TryArg {
  name: string;
  type: "string" | "number" | "boolean" | "json";
  description: string;
  required: boolean;
}

export function tryArgsOf(tool: ToolDefinition, serverTool?: McpToolInfo): TryArg[] {
  if (tool.kind !== "mcp") return tool.args.map((arg) => ({ name: arg.name, type: arg.type, description: arg.description, required: true }));
  const schema = serverTool?.inputSchema;
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({
    name,
    type: property.type === "string" || property.type === "boolean" ? property.type : property.type === "number" || property.type === "integer" ? "number" : "json",
    description: property.description ?? "",
    required: required.has(name),
  }));
}

export class TryArgError extends Error {
  override name = "TryArgError";
  constructor(readonly argName: string, reason: string) {
    super(`argument "${argName}": ${reason}`);
  }
}

/** The typed sample arguments from the form's texts; an empty optional one is left out. Throws TryArgError naming the argument. */
export function sampleArgs(args: TryArg[], texts: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const arg of args) {
    const text = texts[arg.name] ?? "";
    if (text === "" && arg.type !== "string" && arg.type !== "boolean") {
      if (arg.required) throw new TryArgError(arg.name, "give a sample value");
      continue;
    }
    if (arg.type === "string") {
      if (text === "" && !arg.required) continue;
      result[arg.name] = text;
    } else if (arg.type === "boolean") result[arg.name] = text === "true";
    else if (arg.type === "number") {
      const value = Number(text);
      if (!Number.isFinite(value)) throw new TryArgError(arg.name, `"${text}" is not a number`);
      result[arg.name] = value;
    } else {
      try {
        result[arg.name] = JSON.parse(text);
      } catch {
        throw new TryArgError(arg.name, "is not valid JSON");
      }
    }
  }
  return result;
}
