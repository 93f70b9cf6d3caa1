import type { GraphDoc } from "../../../shared/graph-doc";

export class StateJsonError extends Error {
  override name = "StateJsonError";
}

/**
 * JSON typed by hand for a node's output (a pin) or a state (run one node): an object whose keys
 * are state fields of the graph. Checked before anything is sent, with the problem named.
 */
export function parseStateJson(text: string, doc: GraphDoc, what: "output" | "state"): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateJsonError(`Not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new StateJsonError(`The ${what} must be a JSON object of state fields, like {"${Object.keys(doc.state.fields)[0] ?? "field"}": ...}`);
  const fields = Object.keys(doc.state.fields);
  const unknown = Object.keys(value).filter((key) => !fields.includes(key));
  if (unknown.length) throw new StateJsonError(`"${unknown[0]}" is not a state field of this graph (its fields: ${fields.join(", ") || "none"})`);
  if (what === "output" && Object.keys(value).length === 0) throw new StateJsonError("An empty output changes nothing: give at least one state field");
  return value as Record<string, unknown>;
}
