/**
 * A minimal XML reader for JUnit reports in tests: elements, attributes (entities decoded) and
 * text. It throws on anything that is not well-formed: unclosed or mismatched tags, a bare `&`
 * or `<`, a quote missing, text outside the root element.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity];
  });
}

export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    if (rest.startsWith("<")) {
      const match = tag.exec(rest);
      if (!match) throw new Error(`malformed tag at: ${rest.slice(0, 40)}`);
      const [whole, closing, name, attrText, selfClosing] = match;
      rest = rest.slice(whole.length);
      const top = stack[stack.length - 1];
      if (closing) {
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attrText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) attributes[key] = decode(value);
      const element: XmlElement = { name, attributes, children: [], text: "" };
      if (top === root && root.children.length > 0) throw new Error("more than one root element");
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      continue;
    }
    const end = rest.indexOf("<");
    const text = end === -1 ? rest : rest.slice(0, end);
    rest = end === -1 ? "" : rest.slice(end);
    const top = stack[stack.length - 1];
    if (top === root) {
      if (text.trim()) throw new Error("text outside the root element");
    } else {
      top.text += decode(text);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (root.children.length !== 1) throw new Error("no root element");
  return root.children[0];
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The JUnit shape CI systems read: testsuites > testsuite > testcase (> failure | error | skipped), counts that add up. */
export function expectJunitShape(root: XmlElement): void {
  if (root.name !== "testsuites") throw new Error(`root is <${root.name}>, not <testsuites>`);
  let total = 0;
  for (const suite of childrenNamed(root, "testsuite")) {
    const cases = childrenNamed(suite, "testcase");
    for (const key of ["name", "tests", "failures", "errors", "skipped", "time"]) if (!(key in suite.attributes)) throw new Error(`testsuite without ${key}`);
    const count = (name: string) => cases.filter((testcase) => childrenNamed(testcase, name).length > 0).length;
    if (Number(suite.attributes.tests) !== cases.length) throw new Error("testsuite tests count is wrong");
    if (Number(suite.attributes.failures) !== count("failure")) throw new Error("testsuite failures count is wrong");
    if (Number(suite.attributes.errors) !== count("error")) throw new Error("testsuite errors count is wrong");
    if (Number(suite.attributes.skipped) !== count("skipped")) throw new Error("testsuite skipped count is wrong");
    for (const testcase of cases) {
      for (const key of ["classname", "name", "time"]) if (!(key in testcase.attributes)) throw new Error(`testcase without ${key}`);
      if (Number.isNaN(Number(testcase.attributes.time))) throw new Error("testcase time is not a number");
      for (const child of testcase.children) {
        if (!["failure", "error", "skipped", "system-out", "system-err"].includes(child.name)) throw new Error(`<${child.name}> inside <testcase>`);
        if (child.name !== "system-out" && child.name !== "system-err" && !("message" in child.attributes)) throw new Error(`<${child.name}> without message`);
      }
    }
    total += cases.length;
  }
  if (Number(root.attributes.tests) !== total) throw new Error("testsuites tests count is wrong");
}
