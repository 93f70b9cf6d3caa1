import { secretNames } from "../../../main/settings/secret-names";

describe("secretNames", () => {
  it("lists Settings secrets and secret-like environment variables by name, sorted, never a value; the environment wins a tie", () => {
    const settings = { version: 1 as const, keys: {}, baseUrls: {}, secrets: { WEATHER_KEY: "s1", SHARED_TOKEN: "s2" } };
    const env = { PATH: "/bin", HOME: "/root", GITHUB_TOKEN: "t", SHARED_TOKEN: "e", EMPTY_KEY: "", "bad-name_KEY": "x" };
    const names = secretNames(settings, env);
    expect(names).toEqual([
      { name: "GITHUB_TOKEN", source: "env" },
      { name: "SHARED_TOKEN", source: "env" },
      { name: "WEATHER_KEY", source: "settings" },
    ]);
    expect(JSON.stringify(names)).not.toMatch(/s1|s2|"t"|"e"/);
  });
});
