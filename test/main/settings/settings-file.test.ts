import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { providerAccess, providerStatuses, secretsOf } from "../../../main/settings/provider-access";
import { readSettings, settingsFilePath, SettingsFileError, updateSettings } from "../../../main/settings/settings-file";

describe("the per-user settings file", () => {
  let home: string;
  let path: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), "switchyard-home-"));
    path = settingsFilePath({ SWITCHYARD_HOME: home });
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it("lives in the user data folder, not in a workspace", () => {
    expect(path).toBe(join(home, "settings.json"));
  });

  it("is empty when missing, and is written with mode 0600", () => {
    expect(readSettings(path)).toEqual({ version: 1, keys: {}, baseUrls: {} });
    updateSettings({ keys: { openai: "sk-test-1234567890" }, baseUrls: { ollama: "http://127.0.0.1:11434" } }, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ version: 1, keys: { openai: "sk-test-1234567890" }, baseUrls: { ollama: "http://127.0.0.1:11434" } });
    expect(readSettings(path).keys.openai).toBe("sk-test-1234567890");
  });

  it("keeps what a change leaves out and removes what it sets to null", () => {
    updateSettings({ keys: { openai: "sk-one-1234567890", anthropic: "sk-ant-two-1234567890" } }, path);
    updateSettings({ keys: { openai: null }, baseUrls: { openai: "http://127.0.0.1:9999/v1" } }, path);
    expect(readSettings(path)).toEqual({ version: 1, keys: { anthropic: "sk-ant-two-1234567890" }, baseUrls: { openai: "http://127.0.0.1:9999/v1" } });
  });

  it("names a broken file without quoting its content", () => {
    writeFileSync(path, JSON.stringify({ keys: { openai: "has a space sk-secret-value" } }));
    expect(() => readSettings(path)).toThrow(SettingsFileError);
    expect(() => readSettings(path)).toThrow(/keys\.openai is not valid/);
    try {
      readSettings(path);
    } catch (error) {
      expect((error as Error).message).not.toContain("sk-secret-value");
    }
  });
});

describe("provider access", () => {
  const settings = { version: 1 as const, keys: { openai: "sk-from-settings-123456", anthropic: "sk-ant-settings-123456" }, baseUrls: { ollama: "http://127.0.0.1:11434" } };

  it("prefers the environment variable over the settings file", () => {
    expect(providerAccess("openai", settings, { OPENAI_API_KEY: "sk-from-env-123456" })).toEqual({ apiKey: "sk-from-env-123456", keySource: "env" });
    expect(providerAccess("anthropic", settings, {})).toEqual({ apiKey: "sk-ant-settings-123456", keySource: "settings" });
    expect(providerAccess("anthropic", { ...settings, keys: {} }, {})).toEqual({});
    expect(providerAccess("ollama", settings, {})).toEqual({ baseUrl: "http://127.0.0.1:11434" });
  });

  it("reports which providers are configured and from where, never the keys", () => {
    const statuses = providerStatuses({ ...settings, keys: { anthropic: "sk-ant-settings-123456" } }, { OPENAI_API_KEY: "sk-from-env-123456" });
    expect(statuses).toEqual({
      openai: { configured: true, source: "env", needsKey: true, envVar: "OPENAI_API_KEY" },
      anthropic: { configured: true, source: "settings", needsKey: true, envVar: "ANTHROPIC_API_KEY" },
      ollama: { configured: true, needsKey: false, baseUrl: "http://127.0.0.1:11434" },
    });
    expect(JSON.stringify(statuses)).not.toMatch(/sk-/);
    expect(providerStatuses({ version: 1, keys: {}, baseUrls: {} }, {}).openai).toEqual({ configured: false, needsKey: true, envVar: "OPENAI_API_KEY" });
  });

  it("lists every key in force for redaction", () => {
    expect(secretsOf(settings, { OPENAI_API_KEY: "sk-from-env-123456" }).sort()).toEqual(["sk-ant-settings-123456", "sk-from-env-123456", "sk-from-settings-123456"]);
  });
});
