import type { TokenUsage } from "./recorded-calls";

/**
 * List prices in US dollars per million tokens (input, output), as the providers published them
 * in 2025. A cost shown from them is an estimate: a model not listed has no cost, never a guess.
 */
const PRICES: Record<string, { input: number; output: number }> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o3-mini": { input: 1.1, output: 4.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-3-5-sonnet": { input: 3, output: 15 },
  "claude-3-7-sonnet": { input: 3, output: 15 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-3-haiku": { input: 0.25, output: 1.25 },
};

/** A model's price: by its exact name, else by the longest listed name it starts with ("gpt-4o-2024-08-06"). */
export function priceOf(provider: string, model: string | undefined): { input: number; output: number } | null {
  if (provider === "ollama") return { input: 0, output: 0 };
  if (!model) return null;
  if (PRICES[model]) return PRICES[model];
  const prefix = Object.keys(PRICES)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? PRICES[prefix] : null;
}

/** The estimated cost of a call in dollars, or null when its usage or its model's price is unknown. */
export function costOf(provider: string, model: string | undefined, usage: TokenUsage | undefined): number | null {
  const price = priceOf(provider, model);
  if (!usage || !price) return null;
  return (usage.input_tokens * price.input + usage.output_tokens * price.output) / 1_000_000;
}
