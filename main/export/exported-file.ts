/** One file of an exported project: a path relative to the project folder (always "/"-separated) and its text. */
export interface ExportedFile {
  path: string;
  content: string;
}

export const exportLanguages = ["ts", "python"] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

/** A node kind the exporter does not write yet: the graph runs in Switchyard but cannot leave it. */
export class UnsupportedNodeKindError extends Error {
  override name = "UnsupportedNodeKindError";
  constructor(readonly nodeId: string, readonly kind: string, readonly language: string) {
    super(`node "${nodeId}": ${kind} nodes cannot be exported to ${language} yet; replace it (or remove it) to export this graph`);
  }
}

export class UnknownExportLanguageError extends Error {
  override name = "UnknownExportLanguageError";
  constructor(readonly language: string) {
    super(`cannot export to "${language}": choose one of ${exportLanguages.join(", ")}`);
  }
}
