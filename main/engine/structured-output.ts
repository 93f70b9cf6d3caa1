import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import { z } from "zod";
import type { OutputField } from "../../shared/node-kinds/llm";

/** The name the structured answer goes by: the response_format's name, or the forced tool's. */
export const STRUCTURED_OUTPUT_NAME = "answer";

export class StructuredOutputError extends Error {
  override name = "StructuredOutputError";
  constructor(readonly nodeId: string, readonly field: string | undefined, reason: string) {
    super(`llm node "${nodeId}": the model's structured answer does not fit${field ? ` field "${field}"` : ""}: ${reason}`);
  }
}

/** The JSON schema the model is asked to answer in: every field required, nothing else. */
export function outputJsonSchema(fields: OutputField[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    properties[field.name] = {
      type: field.type,
      ...(field.enum ? { enum: field.enum } : {}),
      ...(field.description ? { description: field.description } : {}),
    };
  }
  return { title: STRUCTURED_OUTPUT_NAME, type: "object", properties, required: fields.map((field) => field.name), additionalProperties: false };
}

function fieldSchema(field: OutputField): z.ZodType {
  if (field.type === "number") return z.number();
  if (field.type === "boolean") return z.boolean();
  return field.enum ? z.enum(field.enum as [string, ...string[]]) : z.string();
}

/**
 * The model with structured output (LangChain's withStructuredOutput, given a JSON schema so the
 * provider sends response_format or a forced tool as it does for its models). The answer is checked
 * by checkAnswer, not by the parser, so that a misfit names its field.
 */
export function structuredModel(model: BaseChatModel, fields: OutputField[]): Runnable<BaseMessage[], Record<string, unknown>> {
  return model.withStructuredOutput(outputJsonSchema(fields), { name: STRUCTURED_OUTPUT_NAME });
}

/** The update of the output fields, or StructuredOutputError naming the first field that does not fit. */
export function checkAnswer(answer: unknown, nodeId: string, fields: OutputField[]): Record<string, unknown> {
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) throw new StructuredOutputError(nodeId, undefined, `expected an object with ${fields.map((field) => field.name).join(", ")}, got ${JSON.stringify(answer)}`);
  const values = answer as Record<string, unknown>;
  const update: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.name in values)) throw new StructuredOutputError(nodeId, field.name, "it is missing");
    const parsed = fieldSchema(field).safeParse(values[field.name]);
    if (!parsed.success) throw new StructuredOutputError(nodeId, field.name, `${JSON.stringify(values[field.name])} is not ${expected(field)}`);
    update[field.name] = parsed.data;
  }
  return update;
}

function expected(field: OutputField): string {
  if (field.enum) return `one of ${field.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  return `a ${field.type}`;
}
