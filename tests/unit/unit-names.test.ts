/**
 * One rule for a unit's name everywhere (lib/units/display-name.ts): the kind
 * is prefixed unless the name already starts with it. Writing "kind name" by
 * hand once showed "Tổ dân phố Tổ dân phố 39" in the list of reorganisations.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { unitDisplayName } from "@/lib/units/display-name";

const ROOT = path.resolve(__dirname, "../..");

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|mjs)$/.test(name) ? [file] : [];
  });
}

describe("a unit's name", () => {
  it("is not doubled when the name already says the kind", () => {
    expect(unitDisplayName({ kind: "Tổ dân phố", name: "Tổ dân phố 39" })).toBe("Tổ dân phố 39");
    expect(unitDisplayName({ kind: "Thôn", name: "Thôn Mỹ" })).toBe("Thôn Mỹ");
    expect(unitDisplayName({ kind: "Phường", name: "Hòa Thuận Tây" })).toBe("Phường Hòa Thuận Tây");
  });

  it("is never put together by hand from kind and name outside display-name.ts", () => {
    const byHand = /\$\{[\w.]*kind\} \$\{[\w.]*[nN]ame\}|kind \|\| ' ' \|\|/;
    const offenders = ["app", "components", "lib"]
      .flatMap((folder) => sources(path.join(ROOT, folder)))
      .filter((file) => !file.endsWith(path.join("units", "display-name.ts")))
      .flatMap((file) => readFileSync(file, "utf8").split("\n").map((line, index) => ({ file: path.relative(ROOT, file), line: index + 1, text: line })))
      .filter((entry) => byHand.test(entry.text));
    expect(offenders).toEqual([]);
  });
});
