import { settingsApi, type KeyedProviderId, type ProviderId, type SettingsChange, type SettingsView } from "../../client/settings-api";
import { useSettingsStore } from "../../stores/settings-store";
import { showToast } from "../../stores/ui-store";
import { refreshPreflight } from "../preflight";

export const KEYED_PROVIDERS: readonly KeyedProviderId[] = ["openai", "anthropic"];
export const PROVIDERS: readonly ProviderId[] = ["openai", "anthropic", "ollama"];

/** What the person typed in the dialog: a new key (never the stored one), a key to remove, base URLs. */
export interface SettingsDraft {
  keys: Partial<Record<KeyedProviderId, string>>;
  removeKeys: Partial<Record<KeyedProviderId, boolean>>;
  baseUrls: Partial<Record<ProviderId, string>>;
}

export const emptyDraft = (): SettingsDraft => ({ keys: {}, removeKeys: {}, baseUrls: {} });

/**
 * The PUT body for a draft: typed keys set, removed keys null, base URLs that differ from the
 * current ones sent ("" removes). Null when nothing changes.
 */
export function settingsChange(draft: SettingsDraft, view: SettingsView | null): SettingsChange | null {
  const keys: NonNullable<SettingsChange["keys"]> = {};
  for (const provider of KEYED_PROVIDERS) {
    const typed = draft.keys[provider]?.trim();
    if (typed) keys[provider] = typed;
    else if (draft.removeKeys[provider]) keys[provider] = null;
  }
  const baseUrls: NonNullable<SettingsChange["baseUrls"]> = {};
  for (const provider of PROVIDERS) {
    const typed = draft.baseUrls[provider];
    if (typed === undefined) continue;
    const current = view?.providers[provider]?.baseUrl ?? "";
    if (typed.trim() !== current) baseUrls[provider] = typed.trim() === "" ? null : typed.trim();
  }
  const change: SettingsChange = {};
  if (Object.keys(keys).length) change.keys = keys;
  if (Object.keys(baseUrls).length) change.baseUrls = baseUrls;
  return Object.keys(change).length ? change : null;
}

/** Opens the dialog and asks the server which providers are ready. */
export async function openSettings(): Promise<void> {
  useSettingsStore.setState({ open: true, error: null });
  await loadSettings();
}

export function closeSettings(): void {
  useSettingsStore.setState({ open: false, error: null });
}

export async function loadSettings(): Promise<void> {
  try {
    useSettingsStore.setState({ view: await settingsApi.read(), error: null });
  } catch (error) {
    useSettingsStore.setState({ error: `Could not read the settings: ${(error as Error).message}` });
  }
}

/** Saves a draft (PUT /switchyard/settings); true when saved or when there was nothing to save. */
export async function saveSettings(draft: SettingsDraft): Promise<boolean> {
  const change = settingsChange(draft, useSettingsStore.getState().view);
  if (!change) return true;
  useSettingsStore.setState({ saving: true, error: null });
  try {
    const view = await settingsApi.save(change);
    useSettingsStore.setState({ view, saving: false });
    showToast("Settings saved", "success");
    void refreshPreflight();
    return true;
  } catch (error) {
    useSettingsStore.setState({ saving: false, error: `Could not save the settings: ${(error as Error).message}` });
    return false;
  }
}
