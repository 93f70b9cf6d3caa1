import { Annotation, messagesStateReducer } from "@langchain/langgraph";
import type { BaseMessage } from "@langchain/core/messages";
import type { GraphDoc, StateField } from "../../shared/graph-doc";

/** The document's state fields as a LangGraph annotation, one channel per field with its reducer. */
export function stateAnnotationOf(doc: GraphDoc) {
  const channels: Record<string, any> = {};
  for (const [name, field] of Object.entries(doc.state.fields)) channels[name] = channelOf(field);
  return Annotation.Root(channels);
}

function channelOf(field: StateField) {
  const initial = () => structuredClone(field.default ?? emptyValue(field));
  switch (field.reducer) {
    case "messages":
      return Annotation<BaseMessage[]>({ reducer: messagesStateReducer as any, default: () => [] });
    case "append":
      return Annotation<unknown[]>({ reducer: (current, update) => current.concat(update as unknown[]), default: initial as () => unknown[] });
    case "sum":
      return Annotation<number>({ reducer: (current, update) => current + Number(update), default: initial as () => number });
    case "merge":
      return Annotation<Record<string, unknown>>({ reducer: (current, update) => ({ ...current, ...update }), default: initial as () => Record<string, unknown> });
    case "replace":
      // No default: the field is absent until a node writes it, as with a plain LangGraph field.
      if (field.default === undefined) return Annotation<unknown>();
      return Annotation<unknown>({ reducer: (_current, update) => update, default: initial });
  }
}

function emptyValue(field: StateField): unknown {
  switch (field.type) {
    case "list":
    case "messages":
      return [];
    case "number":
      return 0;
    case "object":
      return {};
    default:
      return null;
  }
}
