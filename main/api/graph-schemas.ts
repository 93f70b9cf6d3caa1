import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { isZodSchemaV3, isZodSchemaV4 } from "@langchain/core/utils/types";
import { getConfigTypeSchema, getInputTypeSchema, getOutputTypeSchema, getUpdateTypeSchema } from "@langchain/langgraph/zod/schema";

type JsonSchema = Record<string, unknown>;

/** The JSON schemas of a graph, as GET /assistants/{id}/schemas answers them. */
export interface GraphSchemas {
  state?: JsonSchema;
  input?: JsonSchema;
  output?: JsonSchema;
  config?: JsonSchema;
  context?: JsonSchema;
}

interface BuilderLike {
  _schemaRuntimeDefinition?: unknown;
  _inputRuntimeDefinition?: unknown;
  _outputRuntimeDefinition?: unknown;
  _configRuntimeSchema?: unknown;
  channels?: Record<string, unknown>;
}

const PARTIAL_STATE = Symbol.for("langgraph.state.partial");

/**
 * A code graph's schemas read at run time, in the order the LangGraph dev server tries them:
 * a `StateSchema` (its own JSON schema), zod schemas registered with LangGraph's meta registry,
 * plain zod schemas; and where the state is an `Annotation.Root` (types erased at run time),
 * an object naming its channels, so the renderer can still list the fields. The dev server
 * would parse the TypeScript source instead; that needs the compiler in a worker and is left out.
 */
export function codeGraphSchemas(graph: { builder?: unknown }): GraphSchemas {
  const builder = graph.builder as BuilderLike | undefined;
  if (!builder) return {};
  return fromStateSchema(builder) ?? fromZodRegistry(graph) ?? fromPlainZod(builder) ?? fromChannels(builder);
}

function isStateSchemaLike(value: unknown): value is { getJsonSchema(): JsonSchema; getInputJsonSchema(): JsonSchema } {
  return typeof value === "object" && value !== null && typeof (value as { getJsonSchema?: unknown }).getJsonSchema === "function" && typeof (value as { getInputJsonSchema?: unknown }).getInputJsonSchema === "function";
}

function fromStateSchema(builder: BuilderLike): GraphSchemas | undefined {
  const { _schemaRuntimeDefinition: state, _inputRuntimeDefinition: input, _outputRuntimeDefinition: output } = builder;
  if (![state, input, output].some(isStateSchemaLike)) return undefined;
  return {
    state: isStateSchemaLike(state) ? state.getJsonSchema() : undefined,
    input: isStateSchemaLike(input) ? input.getInputJsonSchema() : input === PARTIAL_STATE && isStateSchemaLike(state) ? state.getInputJsonSchema() : undefined,
    output: isStateSchemaLike(output) ? output.getJsonSchema() : undefined,
    context: zodJsonSchema(builder._configRuntimeSchema),
  };
}

function fromZodRegistry(graph: unknown): GraphSchemas | undefined {
  try {
    const schemas = { state: getUpdateTypeSchema(graph), input: getInputTypeSchema(graph), output: getOutputTypeSchema(graph), config: getConfigTypeSchema(graph) };
    if (Object.values(schemas).every((schema) => schema == null)) return undefined;
    return { ...schemas, context: schemas.config } as GraphSchemas;
  } catch {
    return undefined;
  }
}

function fromPlainZod(builder: BuilderLike): GraphSchemas | undefined {
  const state = zodJsonSchema(builder._schemaRuntimeDefinition);
  const input = zodJsonSchema(builder._inputRuntimeDefinition) ?? (state ? { ...state, required: undefined } : undefined);
  const output = zodJsonSchema(builder._outputRuntimeDefinition);
  const context = zodJsonSchema(builder._configRuntimeSchema);
  if (!state && !input && !output && !context) return undefined;
  return { state, input, output, config: context, context };
}

function fromChannels(builder: BuilderLike): GraphSchemas {
  const names = Object.keys(builder.channels ?? {}).filter((name) => !name.startsWith("__"));
  const schema = { type: "object", properties: Object.fromEntries(names.map((name) => [name, {}])) };
  return { state: schema, input: schema, output: schema };
}

function zodJsonSchema(schema: unknown): JsonSchema | undefined {
  if (!schema || !(isZodSchemaV4(schema) || isZodSchemaV3(schema))) return undefined;
  try {
    return toJsonSchema(schema) as JsonSchema;
  } catch {
    return undefined;
  }
}
