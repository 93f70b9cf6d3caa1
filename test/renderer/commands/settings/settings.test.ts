import { emptyDraft, settingsChange } from "../../../../renderer/commands/settings/settings";
import type { SettingsView } from "../../../../renderer/client/settings-api";

const view: SettingsView = {
  path: "/home/u/.config/switchyard/settings.json",
  providers: {
    openai: { configured: true, source: "settings", needsKey: true, envVar: "OPENAI_API_KEY", baseUrl: "http://127.0.0.1:8080/v1" },
    anthropic: { configured: false, needsKey: true, envVar: "ANTHROPIC_API_KEY" },
    ollama: { configured: true, needsKey: false },
  },
};

describe("settingsChange: what Save settings sends", () => {
  it("sends nothing when nothing was typed", () => {
    expect(settingsChange(emptyDraft(), view)).toBeNull();
    expect(settingsChange({ ...emptyDraft(), baseUrls: { openai: "http://127.0.0.1:8080/v1" } }, view)).toBeNull();
  });

  it("sets typed keys (trimmed) and removes keys marked for removal", () => {
    expect(settingsChange({ ...emptyDraft(), keys: { anthropic: "  sk-ant-1 " } }, view)).toEqual({ keys: { anthropic: "sk-ant-1" } });
    expect(settingsChange({ ...emptyDraft(), removeKeys: { openai: true } }, view)).toEqual({ keys: { openai: null } });
  });

  it("a typed key wins over a removal of the same provider", () => {
    expect(settingsChange({ keys: { openai: "sk-new" }, removeKeys: { openai: true }, baseUrls: {} }, view)).toEqual({ keys: { openai: "sk-new" } });
  });

  it("sends changed base URLs, and null for a cleared one", () => {
    expect(settingsChange({ ...emptyDraft(), baseUrls: { openai: "", ollama: "http://gpu:11434" } }, view)).toEqual({ baseUrls: { openai: null, ollama: "http://gpu:11434" } });
  });
});
