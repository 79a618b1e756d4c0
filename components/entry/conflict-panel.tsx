"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ScrollBox } from "@/components/ui/scroll-box";

export type Conflict = { version: number; values: Record<string, number | null>; updatedBy: string | null };

export const asText = (values: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(values).map(([code, value]) => [code, value === null ? "" : String(value)]));

/**
 * A save refused because someone saved the same report in between: for each
 * figure that differs, the user picks theirs or their own, then saves again.
 * The entry form shows one; the ward's grid one per conflicting group.
 */
export function ConflictPanel({ elements, mine, conflict, onResolve, title }: {
  elements: { code: string; name: string }[];
  mine: Record<string, string>;
  conflict: Conflict;
  onResolve: (choice: Record<string, "mine" | "theirs">) => void;
  /** Names the group in the grid, where several panels may be open. */
  title?: string;
}) {
  const t = useTranslations("entry");
  const theirs = asText(conflict.values);
  const differing = elements.filter((element) => (mine[element.code] ?? "") !== (theirs[element.code] ?? ""));
  const heading = `${title ? `${title}: ` : ""}${t("conflictTitle", { name: conflict.updatedBy ?? t("someoneElse") })}`;
  const uniqueId = useId();
  const headingId = title ? `conflict-heading-${uniqueId.replace(/:/g, "")}` : "conflict-heading";
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>(() => Object.fromEntries(differing.map((element) => [element.code, "mine" as const])));
  return (
    <section aria-labelledby={headingId} className="rounded-md border-2 border-amber-500 bg-white p-4">
      <h2 id={headingId} className="font-semibold">{heading}</h2>
      <ScrollBox label={heading} className="mt-2">
        <table className="w-full min-w-[24rem] text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-2">{t("field")}</th>
              <th scope="col" className="pr-2">{t("yours")}</th>
              <th scope="col">{t("theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((element) => (
              <tr key={element.code} className="border-t border-slate-200">
                <th scope="row" className="py-1 pr-2 font-normal">{element.name}</th>
                {(["mine", "theirs"] as const).map((side) => (
                  <td key={side} className="py-1 pr-2">
                    <label className="flex min-h-10 items-center gap-2">
                      <input type="radio" name={`conflict-${element.code}`} checked={choice[element.code] === side} onChange={() => setChoice({ ...choice, [element.code]: side })} />
                      {(side === "mine" ? mine : theirs)[element.code] || "–"}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <button type="button" onClick={() => onResolve(choice)} className="mt-3 min-h-12 rounded-md bg-amber-600 px-4 font-semibold text-white">
        {t("applyMerge")}
      </button>
    </section>
  );
}
