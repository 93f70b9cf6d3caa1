import { useId, type ReactNode } from "react";
import { Icon } from "../../app/Icon";

/** Small labelled controls shared by the generated forms and the hand-made panels. */
export function Field({ label, help, error, children, htmlFor }: { label: string; help?: string; error?: string | null; children: ReactNode; htmlFor?: string }) {
  return (
    <div className={`sy-field ${error ? "has-error" : ""}`}>
      <label className="sy-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error ? <div className="sy-field-error" role="alert">{error}</div> : help ? <div className="sy-help">{help}</div> : null}
    </div>
  );
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onCommit?: (value: string) => void;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  help?: string;
  error?: string | null;
  type?: string;
}) {
  const id = useId();
  const className = `sy-input ${props.mono ? "is-mono" : ""}`;
  const rows = Math.min(12, Math.max(2, props.value.split("\n").length + (props.value.length > 60 ? 1 : 0)));
  return (
    <Field label={props.label} help={props.help} error={props.error} htmlFor={id}>
      {props.multiline ? (
        <textarea id={id} className={className} value={props.value} rows={rows} placeholder={props.placeholder} spellCheck={false} onChange={(event) => props.onChange(event.target.value)} onBlur={(event) => props.onCommit?.(event.target.value)} />
      ) : (
        <input
          id={id}
          className={className}
          type={props.type ?? "text"}
          value={props.value}
          placeholder={props.placeholder}
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
          onBlur={(event) => props.onCommit?.(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") props.onCommit?.((event.target as HTMLInputElement).value);
          }}
        />
      )}
    </Field>
  );
}

export function SelectInput({ label, value, options, onChange, help }: { label: string; value: string; options: { value: string; label: string }[]; onChange: (value: string) => void; help?: string }) {
  const id = useId();
  return (
    <Field label={label} help={help} htmlFor={id}>
      <select id={id} className="sy-input sy-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <label className="sy-check" title={hint}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span className="sy-check-box" aria-hidden="true">
        <Icon name="check" size={11} />
      </span>
      {label}
    </label>
  );
}

export function IconButton({ icon, label, onClick, disabled, className, title }: { icon: string; label: string; onClick: () => void; disabled?: boolean; className?: string; title?: string }) {
  return (
    <button type="button" className={`sy-icon-button ${className ?? ""}`} aria-label={label} title={title ?? label} onClick={onClick} disabled={disabled}>
      <Icon name={icon} size={14} />
    </button>
  );
}
