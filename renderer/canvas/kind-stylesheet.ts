import { nodeKinds, nodeKindNames } from "../../shared/node-kinds";
import { iconImageUrl } from "../app/Icon";

/**
 * Each kind's colour and icon as one CSS rule per kind (`.sy-node[data-kind=llm]`), installed
 * once: a node then carries no inline style and no icon element of its own. Hundreds of nodes
 * each parsing the same custom properties, or each holding an <img>, cost style and layout time
 * on every first render (see bench/canvas.bench.ts).
 */
let installed = false;

export function kindStylesheetText(): string {
  return nodeKindNames
    .map((kind) => {
      const info = nodeKinds[kind];
      return `.sy-node[data-kind="${kind}"] { --kind: ${info.color}; --kind-icon: url("${iconImageUrl(info.icon, info.color)}"); }`;
    })
    .join("\n");
}

export function installKindStylesheet(): void {
  if (installed || typeof document === "undefined" || typeof CSSStyleSheet === "undefined") return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(kindStylesheetText());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
