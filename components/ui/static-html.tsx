/**
 * Big tables that nothing in the browser ever updates (the heat map, the league table) are built
 * as one HTML string on the server. Rendered as React elements, every cell travelled twice: once
 * as HTML and once more, about twice as long, as an element of the React Server Components
 * payload, and both were built cell by cell on every request. As a string it travels once in each
 * and costs one concatenation.
 *
 * `html` is a tagged template that escapes every value put into it (text and attribute values
 * alike), unless the value is itself SafeHtml from `html`; arrays are joined. Attributes are
 * single-quoted: the payload is JSON inside a script, where a double quote is escaped twice.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let index = 0; index < values.length; index += 1) out += part(values[index]) + strings[index + 1];
  return new SafeHtml(out);
}

/** A server-built fragment inside a div, for a table's scroll box to hold. */
export function StaticHtml({ html: fragment }: { html: SafeHtml }) {
  return <div dangerouslySetInnerHTML={{ __html: fragment.value }} />;
}
