// Layering is enforced here: shared/ is pure, renderer/ never reaches into main/ or Node,
// main/ never reaches into renderer/ or React. See ARCHITECTURE.md "Folders".
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Bare built-in names are matched as exact module names (`paths`), not as gitignore-style
// patterns, which would also catch a relative import such as "./events/EventLog".
const bareBuiltins = ["fs", "fs/promises", "path", "os", "child_process", "crypto", "http", "https", "net", "url", "worker_threads", "stream", "events", "util", "zlib"];
const builtinPaths = (message) => bareBuiltins.map((name) => ({ name, message }));

export const layerRules = {
  shared: {
    paths: builtinPaths("shared/ is pure: no Node built-ins (it runs in the browser too)."),
    patterns: [
      { group: ["node:*"], message: "shared/ is pure: no Node built-ins (it runs in the browser too)." },
      { group: ["electron", "electron/*"], message: "shared/ is pure: no electron." },
      { group: ["react", "react-dom", "react/*", "react-dom/*", "@xyflow/*", "zustand", "zustand/*"], message: "shared/ is pure: no React or UI libraries." },
      { group: ["**/main/**", "../main/*", "**/renderer/**", "../renderer/*"], message: "shared/ may not import main/ or renderer/." },
    ],
  },
  renderer: {
    paths: builtinPaths("renderer/ runs in the browser: no Node built-ins."),
    patterns: [
      { group: ["node:*"], message: "renderer/ runs in the browser: no Node built-ins." },
      { group: ["electron", "electron/*"], message: "renderer/ talks to the desktop shell only through the preload bridge." },
      { group: ["**/main/**", "../main/*", "../../main/*"], message: "renderer/ may not import main/: go through the HTTP API (renderer/client)." },
    ],
  },
  main: {
    patterns: [
      { group: ["react", "react-dom", "react/*", "react-dom/*", "@xyflow/*", "zustand", "zustand/*", "zundo"], message: "main/ may not import React or UI libraries." },
      { group: ["**/renderer/**", "../renderer/*", "../../renderer/*"], message: "main/ may not import renderer/." },
    ],
  },
};

export default tseslint.config(
  { ignores: ["node_modules/**", "out/**", "dist/**", "release/**", "test-results/**", "playwright-report/**", "test/fixtures/**/*.graph.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  { files: ["shared/**/*.ts"], rules: { "no-restricted-imports": ["error", layerRules.shared] } },
  { files: ["renderer/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", layerRules.renderer] } },
  { files: ["main/**/*.ts"], ignores: ["main/electron/preload.ts"], rules: { "no-restricted-imports": ["error", layerRules.main] } },
  {
    files: ["bin/**/*.js", "scripts/**/*.js", ".ci/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
  },
);
