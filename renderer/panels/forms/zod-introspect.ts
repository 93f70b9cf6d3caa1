import type { z } from "zod";

/** Reading a zod 4 schema's definition, so forms can be generated from the node kinds' own schemas. */
export type AnySchema = z.ZodType;
export interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  keyType?: AnySchema;
  valueType?: AnySchema;
  entries?: Record<string, string>;
  options?: AnySchema[];
  values?: unknown[];
  innerType?: AnySchema;
  defaultValue?: unknown;
}

export function defOf(schema: AnySchema): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

export interface Unwrapped {
  schema: AnySchema;
  def: SchemaDef;
  optional: boolean;
  defaultValue: unknown;
}

/** Peels `.optional()` and `.default()` off a schema. */
export function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    const def = defOf(current);
    if (def.type === "optional") {
      optional = true;
      current = def.innerType!;
    } else if (def.type === "default") {
      defaultValue = def.defaultValue;
      current = def.innerType!;
    } else {
      return { schema: current, def, optional, defaultValue };
    }
  }
}

/** A fresh value that satisfies the schema's shape (defaults where the schema has them). */
export function emptyValueOf(schema: AnySchema): unknown {
  const { def, defaultValue, optional } = unwrap(schema);
  if (defaultValue !== undefined) return structuredClone(defaultValue);
  if (optional) return undefined;
  switch (def.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([key, inner]) => [key, emptyValueOf(inner)] as const)
          .filter(([, value]) => value !== undefined),
      );
    case "string":
      return "";
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "record":
      return {};
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "union":
      return emptyValueOf(def.options![0]);
    default:
      return undefined;
  }
}

/** The literal `type` of each option of a discriminated union, with the option's schema. */
export function unionOptions(schema: AnySchema): { type: string; schema: AnySchema }[] {
  const { def } = unwrap(schema);
  if (def.type !== "union") return [];
  return def.options!.flatMap((option) => {
    const optionDef = unwrap(option).def;
    if (optionDef.type === "union") return unionOptions(option);
    const typeField = optionDef.shape?.type;
    const literal = typeField ? unwrap(typeField).def.values?.[0] : undefined;
    return typeof literal === "string" ? [{ type: literal, schema: option }] : [];
  });
}

export function setIn<T>(value: T, path: (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const inner = setIn(record[head as string], rest, next);
  const copy = { ...record };
  if (inner === undefined) delete copy[head as string];
  else copy[head as string] = inner;
  return copy as T;
}

export function getIn(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current == null ? undefined : (current as Record<string | number, unknown>)[key]), value);
}

/** `replies[].toolCalls[].name`: a path with list indexes blanked, for looking up field hints. */
export function hintKey(path: (string | number)[]): string {
  return path.map((part) => (typeof part === "number" ? "[]" : `.${part}`)).join("").replace(/^\./, "");
}
