/**
 * Both languages stay complete, and the interface's words stay in the
 * catalogues: a key in one catalogue but not the other, a placeholder the
 * other language forgot, or a sentence typed straight into a component fails
 * here. (Keys used by the code are checked by the typecheck, through
 * lib/i18n/global.d.ts.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import vi from "@/lib/i18n/messages/vi.json";
import en from "@/lib/i18n/messages/en.json";
import { CLIENT_ERROR_KEYS, CLIENT_NAMESPACES, CORE_NAMESPACES } from "@/lib/i18n/client-namespaces";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

/** ICU arguments of a message: `{count, plural, …}` and `{name}` give count and name; rich-text tags too. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(match[1]);
  for (const match of message.matchAll(/<([A-Za-z][\w]*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

const vietnamese = flatten(vi as Catalogue);
const english = flatten(en as Catalogue);

describe("the message catalogues", () => {
  it("have the same keys in Vietnamese and English", () => {
    const missingInEnglish = [...vietnamese.keys()].filter((key) => !english.has(key));
    const missingInVietnamese = [...english.keys()].filter((key) => !vietnamese.has(key));
    expect({ missingInEnglish, missingInVietnamese }).toEqual({ missingInEnglish: [], missingInVietnamese: [] });
    expect(vietnamese.size).toBeGreaterThan(400);
  });

  it("give every message the same placeholders in both languages, and no empty message", () => {
    const differing = [...vietnamese].filter(([key, text]) => english.has(key) && argumentsOf(text).join() !== argumentsOf(english.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
    const empty = [...vietnamese, ...english].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("are really translated: English messages carry no Vietnamese letters", () => {
    const untranslated = [...english].filter(([, text]) => VIETNAMESE_LETTER.test(text)).map(([key]) => key);
    expect(untranslated.filter((key) => !QUOTES_VIETNAMESE_DATA.has(key))).toEqual([]);
  });
});

/** English hints that quote what is typed in Vietnamese: place names, decision numbers, the words an import accepts. */
const QUOTES_VIETNAMESE_DATA = new Set(["users.scopeUnitHint", "teams.foundingDecisionHint", "importMembers.cells", "importTeams.cells", "reorganise.newUnitKind", "reorganise.newUnitKindHint"]);

/** Letters that occur in Vietnamese but not in English text. */
const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const entry = path.join(directory, name);
    if (statSync(entry).isDirectory()) return sourceFiles(entry);
    return /\.tsx?$/.test(name) ? [entry] : [];
  });
}

/** Attributes a person reads or hears (a screen reader reads aria-label and alt). */
const READ_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt", "label", "aria-description"]);
/** Strings that are codes, the same in every language, not words. */
const CODE_EXAMPLES = new Set(["auth.", "TCNS-20206-05"]);
/** Each language's name is written in that language, so that a reader of the other can find it. */
const LANGUAGE_NAMES = new Set(["Tiếng Việt", "English"]);

function hardCodedText(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const text = node.initializer.text;
      if (/\p{L}/u.test(text) && !CODE_EXAMPLES.has(text)) found.push(`${where(node)} ${node.name.getText()}="${text}"`);
    }
    if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent) && node.expression && ts.isStringLiteralLike(node.expression) && /\p{L}/u.test(node.expression.text)) {
      found.push(`${where(node)} {"${node.expression.text}"}`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && VIETNAMESE_LETTER.test(node.text) && !LANGUAGE_NAMES.has(node.text)) {
      found.push(`${where(node)} "${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the interface's words", () => {
  it("are not typed into pages, actions or components: they come from the catalogues", () => {
    const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => hardCodedText(file))).toEqual([]);
  });

  it("the check finds a sentence typed into a component, an attribute or an action", () => {
    const component = `export const A = () => <p title="Open">Lưu <b>{"Saved"}</b>{t("ok")}</p>;\nconst m = \`Tệp quá lớn: \${size}\`;`;
    expect(hardCodedText(path.join(ROOT, "components/probe.tsx"), component).map((line) => line.replace(/^\S+ /, ""))).toEqual(['title="Open"', "Lưu", '{"Saved"}', '"Tệp quá lớn: "']);
  });
});

/** The namespaces a client component reads: useTranslations("x"), a namespace parameter typed "x" | "y", and for the whole catalogue (useTranslations()) the namespaces of the keys it is given. */
function clientNamespaces(text: string): string[] {
  const names = [...text.matchAll(/useTranslations\("(\w+)"\)/g)].map((match) => match[1]);
  for (const match of text.matchAll(/namespace: ((?:"\w+"(?: \| )?)+)/g)) names.push(...[...match[1].matchAll(/"(\w+)"/g)].map((inner) => inner[1]));
  if (/useTranslations\(\)/.test(text)) names.push("rules");
  return names;
}

describe("the messages sent to the browser", () => {
  it("hold every namespace a client component reads, and no other", () => {
    // The hook form (useTranslations) is what client components use; server components await getTranslations.
    // A file without "use client" that uses the hook runs in the browser too, imported by a client component.
    const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].filter((file) => readFileSync(file, "utf8").includes("useTranslations"));
    expect(files.length).toBeGreaterThan(10);
    const read = new Set(files.flatMap((file) => clientNamespaces(readFileSync(file, "utf8"))));
    expect([...read].sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });

  it("travel with the pages that render their client components, and only there", () => {
    // Each route file gets the namespaces its page or the nearest layout above it wraps in <ClientMessages>
    // (a nested provider replaces the outer one), plus the core ones of the root layout.
    const routeFiles = sourceFiles(path.join(ROOT, "app")).filter((file) => /\/(page|layout|error|not-found)\.tsx$/.test(file));
    const missing: string[] = [];
    for (const file of routeFiles) {
      const sent = new Set<string>([...CORE_NAMESPACES, ...sentAbove(file)]);
      const needed = new Set([...importClosure(file)].flatMap((reached) => (readFileSync(reached, "utf8").includes("useTranslations") ? clientNamespaces(readFileSync(reached, "utf8")) : [])));
      for (const name of needed) if (!sent.has(name)) missing.push(`${path.relative(ROOT, file)} renders a client component reading "${name}"`);
    }
    expect(missing).toEqual([]);
    // The dashboard, the page a committee opens most, carries only the export links' words.
    expect(sentAbove(path.join(ROOT, "app/(app)/dashboard/[code]/page.tsx"))).toEqual(["exports"]);
  });

  it("carry of the server's error messages only the few the browser reads", () => {
    const readers = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].filter((file) => readFileSync(file, "utf8").includes('useTranslations("errors")'));
    expect(readers.length).toBeGreaterThan(0);
    const keys = new Set(readers.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bt\("(\w+)"/g)].map((match) => match[1])));
    expect([...keys].filter((key) => !(CLIENT_ERROR_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it("the check sees a namespace read by a component", () => {
    expect(clientNamespaces('const t = useTranslations("dashboard"); function F({ namespace }: { namespace: "importValues" | "importMembers" }) {}')).toEqual(["dashboard", "importValues", "importMembers"]);
  });
});

/** The namespaces a page sends itself with <ClientMessages>, else the nearest layout above a route file (its own directory's, for a page). */
function sentAbove(file: string): string[] {
  const own = file.endsWith("page.tsx") ? declaredIn(file) : null;
  if (own) return own;
  let directory = path.dirname(file);
  // A layout's own client components sit outside the provider it wraps its children in.
  if (file.endsWith("layout.tsx")) directory = path.dirname(directory);
  for (; directory.startsWith(path.join(ROOT, "app")); directory = path.dirname(directory)) {
    const layout = path.join(directory, "layout.tsx");
    if (!existsSync(layout)) continue;
    const declared = declaredIn(layout);
    if (declared) return declared;
  }
  return [];
}

function declaredIn(file: string): string[] | null {
  const declared = readFileSync(file, "utf8").match(/<ClientMessages namespaces=\{\[([^\]]*)\]\}/);
  return declared ? [...declared[1].matchAll(/"(\w+)"/g)].map((match) => match[1]) : null;
}

/** The files of app/ and components/ a route file reaches through its imports (lib/ holds no component). */
function importClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(/(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const resolved = resolveImport(file, match[1] ?? match[2]);
      if (resolved && !resolved.startsWith(path.join(ROOT, "lib"))) pending.push(resolved);
    }
  }
  return seen;
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}
