import { memo } from "react";
import type { GraphNode } from "../../../shared/graph-doc";
import { CodeEditor } from "./CodeEditor";
import { Checkbox, IconButton, SelectInput, TextInput } from "./controls";
import { GraphPicker } from "./GraphPicker";
import { hintFor, humanize, type FieldHint } from "./field-hints";
import { useFormContext } from "./form-context";
import { RecordEditor } from "./RecordEditor";
import { ReplyRuleEditor } from "./ReplyRuleEditor";
import { ToolNamesEditor } from "./ToolNamesEditor";
import { FieldExtra } from "../tools/FieldExtra";
import { HttpHeadersEditor } from "../tools/HttpHeadersEditor";
import { emptyValueOf, hintKey, unwrap, type AnySchema } from "./zod-introspect";

export interface SchemaFieldProps {
  schema: AnySchema;
  value: unknown;
  path: (string | number)[];
  /** The label to use when there is no hint (the key, or the list item's title). */
  name: string;
  /** The object holding this field, for hints that depend on a sibling (a tool's kind). */
  parent?: unknown;
}

/** One field of a node's config, drawn from its zod schema (objects, lists, records, enums, text, numbers). */
export const SchemaField = memo(function SchemaField({ schema, value, path, name, parent }: SchemaFieldProps) {
  const ctx = useFormContext();
  const hint = hintFor(ctx.node.kind, hintKey(path));
  const { def, optional } = unwrap(schema);
  const label = hint.label ?? humanize(name);
  const set = (next: unknown) => ctx.change(path, next);
  if (hint.widget === "hidden" || def.type === "literal") return null;
  if (hint.visible && !hint.visible(ctx.node.config as Record<string, unknown>)) return null;
  if (hint.visibleIn && !hint.visibleIn((parent ?? {}) as Record<string, unknown>)) return null;
  if (hint.widget === "code") return <CodeEditor label={label} value={String(value ?? "")} onChange={set} help={hint.help} error={stringError(schema, value, optional)} />;
  if (hint.widget === "toolNames") return <ToolNamesEditor label={label} help={hint.help} value={(value as string[]) ?? []} onChange={set} />;
  if (hint.widget === "replyRule") return <ReplyRuleEditor label={label} value={value} onChange={set} />;
  if (hint.widget === "graphName") return <GraphPicker label={label} value={String(value ?? "")} onChange={set} help={hint.help} />;
  if (hint.widget === "httpHeaders") return <HttpHeadersEditor label={label} help={hint.help} value={(value as Record<string, string>) ?? {}} onChange={set} />;
  if (hint.widget === "boundTool") return <BoundToolSelect label={label} value={String(value ?? "")} onChange={set} />;

  switch (def.type) {
    case "string": {
      const error = stringError(schema, value, optional);
      return (
        <TextInput
          label={label}
          value={String(value ?? "")}
          onChange={(text) => set(optional && text === "" ? undefined : text)}
          multiline={hint.multiline}
          mono={hint.template}
          placeholder={hint.placeholder}
          help={hint.help ?? (hint.template ? "Templates: {{last_message}}, {{input}}, {{state.FIELD}}" : undefined)}
          error={error}
        />
      );
    }
    case "number":
      return (
        <TextInput
          label={label}
          type="number"
          value={value === undefined ? "" : String(value)}
          onChange={(text) => set(text === "" ? (optional ? undefined : 0) : Number(text))}
          placeholder={hint.placeholder}
          help={hint.help}
          error={stringError(schema, value, optional)}
        />
      );
    case "boolean":
      return <Checkbox label={label} checked={!!value} onChange={set} />;
    case "enum": {
      const entries = Object.values(def.entries ?? {});
      return <SelectInput label={label} value={String(value ?? entries[0])} options={entries.map((entry) => ({ value: entry, label: hint.options?.[entry] ?? entry }))} onChange={set} help={hint.help} />;
    }
    case "object":
      return (
        <div className="sy-object">
          {Object.entries(def.shape ?? {}).map(([key, inner]) => (
            <SchemaField key={key} schema={inner} value={(value as Record<string, unknown> | undefined)?.[key]} path={[...path, key]} name={key} parent={value} />
          ))}
          {hint.extra && <FieldExtra kind={hint.extra} value={value} />}
        </div>
      );
    case "array":
      return <ListEditor schema={def.element!} items={(value as unknown[]) ?? []} path={path} label={label} hint={hint} />;
    case "record":
      return <RecordEditor label={label} help={hint.help} value={(value as Record<string, string>) ?? {}} onChange={set} keyChoices={hint.widget === "stateFieldKeys" ? ctx.stateFields : undefined} mono={hint.template} addLabel={hint.addLabel} suggestions={argSuggestions(ctx.doc, ctx.node, path)} />;
    default:
      return <TextInput label={label} value={value === undefined ? "" : JSON.stringify(value)} onChange={(text) => set(parseLoose(text))} mono />;
  }
});

function ListEditor({ schema, items, path, label, hint }: { schema: AnySchema; items: unknown[]; path: (string | number)[]; label: string; hint: FieldHint }) {
  const ctx = useFormContext();
  const set = (next: unknown[]) => ctx.change(path, hint.emptyIsAbsent && next.length === 0 ? undefined : next);
  const move = (from: number, to: number) => {
    const next = items.slice();
    [next[from], next[to]] = [next[to], next[from]];
    set(next);
  };
  const add = () => set([...items, hint.newItem ? hint.newItem(ctx.node as GraphNode, items.length) : emptyValueOf(schema)]);
  const itemIsObject = unwrap(schema).def.type === "object";
  return (
    <section className="sy-list" aria-label={label}>
      <div className="sy-list-head">
        <span className="sy-label">{label}</span>
        <span className="sy-count">{items.length}</span>
      </div>
      {hint.help && <div className="sy-help">{hint.help}</div>}
      {items.map((item, index) => {
        const title = hint.itemTitle ? hint.itemTitle(item, index) : `${label} ${index + 1}`;
        return (
          <fieldset key={index} className={`sy-list-item ${itemIsObject ? "is-card" : ""}`} aria-label={title}>
            <div className="sy-list-item-head">
              <span className="sy-list-item-title">{title}</span>
              <span className="sy-list-item-actions">
                <IconButton icon="chevronUp" label={`Move ${title} up`} onClick={() => move(index, index - 1)} disabled={index === 0} />
                <IconButton icon="chevronDown" label={`Move ${title} down`} onClick={() => move(index, index + 1)} disabled={index === items.length - 1} />
                <IconButton icon="trash" label={`Remove ${title}`} onClick={() => set(items.filter((_, i) => i !== index))} className="is-danger" />
              </span>
            </div>
            <SchemaField schema={schema} value={item} path={[...path, index]} name={title} />
          </fieldset>
        );
      })}
      <button type="button" className="sy-button is-ghost is-small" onClick={add}>
        + {hint.addLabel ?? `Add ${label.toLowerCase()}`}
      </button>
      {hint.extra && <FieldExtra kind={hint.extra} value={items} />}
    </section>
  );
}

function BoundToolSelect({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const ctx = useFormContext();
  const bound = ctx.node.kind === "llm" ? ctx.node.config.tools : [];
  const options = [...new Set([...bound, value].filter(Boolean))];
  return (
    <SelectInput
      label={label}
      value={value}
      options={options.map((tool) => ({ value: tool, label: bound.includes(tool) ? tool : `${tool} (not bound to this model)` }))}
      onChange={onChange}
      help={bound.length === 0 ? "Bind tools to this model above first." : undefined}
    />
  );
}

/** Argument names a tool call could use: the called tool's declared args. */
function argSuggestions(doc: ReturnType<typeof useFormContext>["doc"], node: GraphNode, path: (string | number)[]): string[] {
  if (node.kind === "llm" && hintKey(path) === "replies[].output") return (node.config.outputFields ?? []).map((field) => field.name);
  if (node.kind !== "llm" || hintKey(path) !== "replies[].toolCalls[].args") return [];
  const call = node.config.replies[path[1] as number]?.toolCalls[path[3] as number];
  const names: string[] = [];
  for (const other of doc.nodes) {
    if (other.kind === "tools") other.config.tools.filter((tool) => tool.name === call?.name).forEach((tool) => names.push(...tool.args.map((arg) => arg.name)));
    if (other.kind === "human" && other.config.askTool === call?.name) names.push("question");
  }
  return names;
}

function stringError(schema: AnySchema, value: unknown, optional: boolean): string | null {
  if (optional && (value === undefined || value === "")) return null;
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue.code === "too_small") return "Required";
  return issue.message;
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
