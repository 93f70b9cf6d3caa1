import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("layering rules", () => {
  it.each([
    ["shared/x.ts", 'import { readFile } from "node:fs";', /no Node built-ins/],
    ["shared/x.ts", 'import { app } from "electron";', /no electron/],
    ["shared/x.ts", 'import React from "react";', /no React/],
    ["shared/x.ts", 'import { compileGraphDoc } from "../main/engine";', /may not import main/],
    ["renderer/x.ts", 'import { compileGraphDoc } from "../main/engine";', /may not import main/],
    ["renderer/panels/x.tsx", 'import { compileGraphDoc } from "../../main/engine";', /may not import main/],
    ["renderer/x.ts", 'import { join } from "node:path";', /no Node built-ins/],
    ["renderer/x.ts", 'import { readFileSync } from "fs";', /no Node built-ins/],
    ["renderer/x.ts", 'import { EventEmitter } from "events";', /no Node built-ins/],
    ["shared/x.ts", 'import { readFile } from "fs/promises";', /no Node built-ins/],
    ["main/x.ts", 'import { useState } from "react";', /may not import React/],
    ["main/api/x.ts", 'import { App } from "../../renderer/app";', /may not import renderer/],
  ])("%s: %s is refused", async (file, code, reason) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toEqual([expect.stringMatching(reason)]);
  });

  it.each([
    ["shared/x.ts", 'import { z } from "zod";'],
    ["renderer/x.ts", 'import { validateGraphDoc } from "../shared/graph-validate";'],
    ["main/x.ts", 'import { readFile } from "node:fs/promises";'],
    ["main/x.ts", 'import { validateGraphDoc } from "../shared/graph-validate";'],
    ["renderer/panels/x.tsx", 'import { EventLog } from "./events/EventLog";'],
    ["shared/x.ts", 'import { pathOf } from "./path";'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
