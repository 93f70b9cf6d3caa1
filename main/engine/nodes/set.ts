import { AIMessage } from "@langchain/core/messages";
import type { FieldType, GraphDoc, NodeOfKind } from "../../../shared/graph-doc";
import { renderTemplate } from "../../../shared/template";

/** Renders each template and converts the text to the field's type. */
export function setNode(node: NodeOfKind<"set">, doc: GraphDoc, messagesField: string | undefined) {
  return async (state: Record<string, unknown>) => {
    const update: Record<string, unknown> = {};
    for (const [field, template] of Object.entries(node.config.values)) {
      const text = renderTemplate(template, { state, messagesField });
      update[field] = convert(text, doc.state.fields[field]?.type ?? "any");
    }
    return update;
  };
}

export function convert(text: string, type: FieldType): unknown {
  switch (type) {
    case "string":
      return text;
    case "number":
      return Number(text);
    case "boolean":
      return text.trim().toLowerCase() === "true";
    case "messages":
      return [new AIMessage({ content: text })];
    case "list":
      return asJson(text, (value) => Array.isArray(value)) ?? [text];
    default:
      return asJson(text, () => true) ?? text;
  }
}

function asJson(text: string, accept: (value: unknown) => boolean): unknown {
  try {
    const value = JSON.parse(text);
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
