import { costOf, priceOf } from "../../shared/model-prices";

describe("model prices", () => {
  it("prices a call from its usage: exact names and dated versions of a listed model", () => {
    expect(costOf("openai", "gpt-4o-mini", { input_tokens: 1_000_000, output_tokens: 1_000_000, total_tokens: 2_000_000 })).toBeCloseTo(0.75);
    expect(priceOf("openai", "gpt-4o-2024-08-06")).toEqual({ input: 2.5, output: 10 });
    expect(priceOf("openai", "gpt-4o-mini-2024-07-18")).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf("anthropic", "claude-sonnet-4-20250514")).toEqual({ input: 3, output: 15 });
  });

  it("has no cost without usage or for a model it does not list; a local Ollama model costs nothing", () => {
    expect(costOf("openai", "gpt-4o", undefined)).toBeNull();
    expect(costOf("openai", "my-finetune", { input_tokens: 5, output_tokens: 5, total_tokens: 10 })).toBeNull();
    expect(costOf("ollama", "llama3", { input_tokens: 5, output_tokens: 5, total_tokens: 10 })).toBe(0);
  });
});
