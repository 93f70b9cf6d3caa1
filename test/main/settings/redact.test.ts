import { REDACTED, redactSecrets } from "../../../main/settings/redact";

describe("redactSecrets", () => {
  const key = "custom-key-value-0123456789abcdef";

  it("removes known keys wherever they appear", () => {
    expect(redactSecrets(`401 Incorrect API key provided: ${key}. See docs`, [key])).toBe(`401 Incorrect API key provided: ${REDACTED}. See docs`);
    expect(redactSecrets(`a${key}b ${key}`, [key])).not.toContain(key);
  });

  it("removes a known key's leading part, as providers echo a masked key", () => {
    const masked = `Incorrect API key provided: ${key.slice(0, 14)}*****cdef`;
    expect(redactSecrets(masked, [key])).not.toContain(key.slice(0, 12));
  });

  it("removes things shaped like provider keys and auth headers it was not told about", () => {
    const text = 'sk-proj-AbCdEf0123456789 and sk-ant-api03-xyzXYZ0123456789 with Authorization: Bearer abcdefgh12345678 and {"x-api-key":"zzzzzzzz99999999"}';
    const redacted = redactSecrets(text);
    for (const secret of ["AbCdEf0123456789", "xyzXYZ0123456789", "abcdefgh12345678", "zzzzzzzz99999999"]) expect(redacted).not.toContain(secret);
    expect(redacted).toContain("Bearer [redacted]");
  });

  it("leaves ordinary text alone", () => {
    const text = "429 Rate limit reached for gpt-4o-mini: retry after 2 s (task-12 skipped)";
    expect(redactSecrets(text, ["sk-unrelated-1234567890"])).toBe(text);
  });
});
