import { describeCondition, type Condition } from "./conditions";
import type { GraphNode } from "./graph-doc";

export type Breakpoint = NonNullable<GraphNode["breakpoint"]>;

/** A breakpoint that pauses only sometimes: with a rule, a hit count, or both. */
export function isConditionalBreakpoint(breakpoint: Breakpoint | undefined): boolean {
  return !!breakpoint && (!!breakpoint.when || breakpoint.hitCount !== undefined);
}

/** "pause the 3rd time" in words. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** What a conditional breakpoint waits for, as its marker's tooltip and the pause banner say it. */
export function describeConditionalBreakpoint(breakpoint: Breakpoint): string {
  const rule = breakpoint.when ? ruleText(breakpoint.when) : "";
  const hit = breakpoint.hitCount !== undefined ? `the ${ordinal(breakpoint.hitCount)} time${rule ? " the rule holds" : " it runs"}` : "";
  if (rule && hit) return `Pauses before this node ${rule}, ${hit}`;
  return `Pauses before this node ${rule || hit}`;
}

/** A breakpoint's rule as the rest of a sentence: "when the last message says \"two\"". */
export function ruleText(when: Condition): string {
  switch (when.type) {
    case "field-equals":
      return `when ${describeCondition(when)}`;
    case "last-message-from":
      return `when the last message is from ${when.role === "tool" ? (when.tool ? `the tool ${when.tool}` : "a tool") : when.role === "ai" ? "the model" : "the person"}`;
    case "otherwise":
      return "every time";
    default:
      return `when the last message ${describeCondition(when)}`;
  }
}

/** The payload of the interrupt() a conditional breakpoint pauses with (main/engine/conditional-breakpoint.ts). */
export interface ConditionalBreakpointPause {
  breakpoint: string;
  hit: number;
  condition?: unknown;
}

export function isConditionalBreakpointPause(payload: unknown, node: string): payload is ConditionalBreakpointPause {
  if (!payload || typeof payload !== "object") return false;
  const value = payload as Record<string, unknown>;
  return value.breakpoint === node && typeof value.hit === "number";
}
