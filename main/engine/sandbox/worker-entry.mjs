// Starts the sandbox worker from the TypeScript sources (tests, `switchyard` through tsx).
// A bundled build starts its own compiled worker instead; see sandbox.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
