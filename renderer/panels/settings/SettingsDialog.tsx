import { useEffect, useRef, useState } from "react";
import type { ProviderId, ProviderStatus } from "../../client/settings-api";
import { Icon } from "../../app/Icon";
import { withShortcut } from "../../app/keys";
import { closeSettings, emptyDraft, openSettings, PROVIDERS, saveSettings, settingsChange, type SettingsDraft } from "../../commands/settings/settings";
import { useSettingsStore } from "../../stores/settings-store";
import { RecordingLimitFields } from "../replay/RecordingLimitFields";

const PROVIDER_NAMES: Record<ProviderId, string> = { openai: "OpenAI", anthropic: "Anthropic", ollama: "Ollama" };
/** The top bar's gear: opens the Settings dialog (also on Ctrl/⌘+, like VS Code, through the app's shortcuts). */
export function SettingsButton() {
  const open = useSettingsStore((state) => state.open);
  return (
    <>
      <button type="button" className="sy-tool" aria-label="Settings" aria-haspopup="dialog" title={withShortcut("Settings", "view.settings")} onClick={() => void openSettings()}>
        <Icon name="wrench" />
      </button>
      {open && <SettingsDialog />}
    </>
  );
}

/** Model providers: which are ready and from where, and fields to set or remove keys and base URLs. */
function SettingsDialog() {
  const view = useSettingsStore((state) => state.view);
  const error = useSettingsStore((state) => state.error);
  const saving = useSettingsStore((state) => state.saving);
  const [draft, setDraft] = useState<SettingsDraft>(emptyDraft);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, [view !== null]);
  // Escape closes it wherever focus is (a Save that disables itself leaves focus on the page).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeSettings();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const changed = settingsChange(draft, view) !== null;
  const save = async () => {
    if (await saveSettings(draft)) setDraft(emptyDraft());
  };
  return (
    <div className="sy-overlay is-dim" onMouseDown={closeSettings}>
      <div className="sy-dialog is-wide" role="dialog" aria-modal="true" aria-labelledby="sy-settings-title" onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-dialog-head">
          <h2 id="sy-settings-title">Settings</h2>
          <button type="button" className="sy-icon-button" aria-label="Close settings" onClick={closeSettings}>
            <Icon name="x" size={14} />
          </button>
        </div>
        <p className="sy-help">
          Keys are stored in your user settings{view ? ` (${view.path})` : ""}, never in a graph file; an environment variable wins over a stored key. A stored key is never shown again.
        </p>
        {!view && !error && <p className="sy-help">Loading…</p>}
        {view &&
          PROVIDERS.map((provider, i) => (
            <ProviderFields key={provider} provider={provider} status={view.providers[provider]} draft={draft} setDraft={setDraft} inputRef={i === 0 ? first : undefined} />
          ))}
        {view && <RecordingLimitFields />}
        {error && (
          <p className="sy-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="sy-inline is-end">
          <button type="button" className="sy-button is-ghost" onClick={closeSettings}>
            Close
          </button>
          <button type="button" className="sy-button is-primary" disabled={!changed || saving} onClick={() => void save()}>
            {saving ? "Saving…" : "Save settings"}
          </button>
        </div>
      </div>
    </div>
  );
}

function statusText(status: ProviderStatus): string {
  if (!status.needsKey) return "ready (needs no key)";
  if (!status.configured) return `not configured: set a key here or ${status.envVar}`;
  return status.source === "env" ? `configured from the environment (${status.envVar})` : "configured in settings";
}

function ProviderFields({ provider, status, draft, setDraft, inputRef }: { provider: ProviderId; status: ProviderStatus; draft: SettingsDraft; setDraft: (draft: SettingsDraft) => void; inputRef?: React.Ref<HTMLInputElement> }) {
  const name = PROVIDER_NAMES[provider];
  const keyed = provider !== "ollama";
  const removing = keyed && !!draft.removeKeys[provider];
  return (
    <fieldset className="sy-settings-provider" aria-label={name}>
      <legend>{name}</legend>
      <span className={`sy-provider-status ${status.configured ? "is-on" : ""}`} role="status" aria-label={`${name} status`}>
        <Icon name={status.configured ? "check" : "alert"} size={12} /> {removing ? "stored key will be removed on save" : statusText(status)}
      </span>
      {keyed && (
        <div className="sy-field">
          <label className="sy-label" htmlFor={`sy-key-${provider}`}>
            {name} API key
          </label>
          <div className="sy-inline">
            <input
              id={`sy-key-${provider}`}
              ref={inputRef}
              className="sy-input is-mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={status.source === "settings" ? "•••••••• (stored; type to replace)" : "paste a key"}
              value={draft.keys[provider] ?? ""}
              onChange={(event) => setDraft({ ...draft, keys: { ...draft.keys, [provider]: event.target.value }, removeKeys: { ...draft.removeKeys, [provider]: false } })}
            />
            {status.source === "settings" && (
              <button type="button" className="sy-button is-danger-ghost is-small" aria-pressed={removing} onClick={() => setDraft({ ...draft, keys: { ...draft.keys, [provider]: "" }, removeKeys: { ...draft.removeKeys, [provider]: !removing } })}>
                Remove stored key
              </button>
            )}
          </div>
        </div>
      )}
      <div className="sy-field">
        <label className="sy-label" htmlFor={`sy-url-${provider}`}>
          {name} base URL
        </label>
        <input
          id={`sy-url-${provider}`}
          className="sy-input is-mono"
          type="url"
          spellCheck={false}
          placeholder={provider === "ollama" ? "http://127.0.0.1:11434 (default)" : "default endpoint"}
          value={draft.baseUrls[provider] ?? status.baseUrl ?? ""}
          onChange={(event) => setDraft({ ...draft, baseUrls: { ...draft.baseUrls, [provider]: event.target.value } })}
        />
      </div>
    </fieldset>
  );
}
