/** Collects what generated code uses so each module imports exactly that, in a stable order. */
export class ImportSet {
  private readonly modules = new Map<string, Map<string, boolean>>();

  /** `typeOnly` names are imported with `type` in TypeScript (ignored for Python). */
  use(module: string, name: string, typeOnly = false): string {
    const names = this.modules.get(module) ?? new Map<string, boolean>();
    names.set(name, (names.get(name) ?? true) && typeOnly);
    this.modules.set(module, names);
    return name;
  }

  entries(): Array<{ module: string; names: Array<{ name: string; typeOnly: boolean }> }> {
    return [...this.modules.keys()].sort().map((module) => ({
      module,
      names: [...this.modules.get(module)!.entries()].sort(([a], [b]) => compareNames(a, b)).map(([name, typeOnly]) => ({ name, typeOnly })),
    }));
  }

  /** `import { a, type B } from "m";` lines, packages first, then relative modules. */
  renderTs(): string {
    const entries = this.entries();
    const sorted = [...entries.filter((entry) => !entry.module.startsWith(".")), ...entries.filter((entry) => entry.module.startsWith("."))];
    return sorted
      .map(({ module, names }) => {
        const allTypes = names.every((item) => item.typeOnly);
        const list = names.map((item) => (item.typeOnly && !allTypes ? `type ${item.name}` : item.name)).join(", ");
        return `import ${allTypes ? "type " : ""}{ ${list} } from ${JSON.stringify(module)};`;
      })
      .join("\n");
  }

  /**
   * `import m` / `from m import a, b` lines, standard library first (PEP 8); a name "*module"
   * means `import module`.
   */
  renderPy(standardLibrary: ReadonlySet<string>): string {
    const groups: string[][] = [[], []];
    for (const { module, names } of this.entries()) {
      const group = groups[standardLibrary.has(module.split(".")[0]) ? 0 : 1];
      const imported = names.filter((item) => item.name !== "*module").map((item) => item.name);
      if (names.some((item) => item.name === "*module")) group.push(`import ${module}`);
      if (imported.length > 0) group.push(`from ${module} import ${imported.join(", ")}`);
    }
    return groups
      .filter((group) => group.length > 0)
      .map((group) => group.sort((a, b) => (a.startsWith("from") === b.startsWith("from") ? 0 : a.startsWith("import") ? -1 : 1)).join("\n"))
      .join("\n\n");
  }
}

function compareNames(a: string, b: string): number {
  // Code-point order (not localeCompare) so the output never depends on the machine's locale.
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
