/** One file of an exported project: a path relative to the project folder (always "/"-separated) and its text. */
export interface ExportedFile {
  path: string;
  content: string;
}

export const exportLanguages = ["ts", "python"] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

export class UnknownExportLanguageError extends Error {
  override name = "UnknownExportLanguageError";
  constructor(readonly language: string) {
    super(`cannot export to "${language}": choose one of ${exportLanguages.join(", ")}`);
  }
}
