import type { Page } from "@playwright/test";
import { expect, node } from "./fixtures";

/** The run panel's parts and the debugger's controls, by role and name. */
export const runPanel = {
  tab: (page: Page, name: "Run" | "Events" | "Timeline" | "Problems" | "Pins") => page.getByRole("tablist", { name: "Bottom panel tabs" }).getByRole("tab", { name: new RegExp(`^${name}`) }),
  message: (page: Page) => page.getByRole("textbox", { name: "Message", exact: true }),
  answer: (page: Page) => page.getByRole("textbox", { name: "Answer", exact: true }),
  banner: (page: Page) => page.getByRole("status", { name: "Paused", exact: true }),
  errorBanner: (page: Page) => page.getByRole("alert", { name: "Run error" }),
  conversation: (page: Page) => page.getByRole("log", { name: "Conversation" }).first(),
  stateEditor: (page: Page) => page.getByLabel("State editor").first(),
  events: (page: Page) => page.getByRole("list", { name: "Run events" }),
  runStatus: (page: Page) => page.getByRole("status", { name: /^Run status/ }),
};

export const controls = {
  continue: (page: Page) => page.getByRole("button", { name: "Continue", exact: true }),
  step: (page: Page) => page.getByRole("button", { name: "Step", exact: true }),
  cancel: (page: Page) => page.getByRole("button", { name: "Cancel run" }),
  everyNode: (page: Page) => page.getByRole("button", { name: "Pause at every node" }),
};

/** Waits for a node's run status class (running, done, error, paused, unreached). */
export async function expectNodeStatus(page: Page, id: string, status: "running" | "done" | "error" | "paused" | "unreached", timeout = 20_000): Promise<void> {
  await expect(node(page, id).locator(".sy-node")).toHaveClass(new RegExp(`\\brun-${status}\\b`), { timeout });
}

/** The thread the page has open, through the same public API the app uses. */
export async function apiJson<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

export function openThreadId(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem(`switchyard.thread.${(window as unknown as { switchyard: { graphName(): string } }).switchyard.graphName()}`) ?? "");
}
