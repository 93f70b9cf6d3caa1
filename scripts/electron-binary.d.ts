/** scripts/electron-binary.js, for the TypeScript tests that use it. */
export function findElectronBinary(options?: {
  env?: NodeJS.ProcessEnv;
  packageDir?: string;
  platform?: NodeJS.Platform;
}): { path: string; reason?: undefined } | { path?: undefined; reason: string };
