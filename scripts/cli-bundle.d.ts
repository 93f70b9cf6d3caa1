/** What the CLI bundle is built from, relative to the repository root. */
export const CLI_SOURCES: string[];
/** out/cli/index.js when it exists and is newer than every file of CLI_SOURCES, else undefined. */
export function freshCliBundle(root: string): string | undefined;
