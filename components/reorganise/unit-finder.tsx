"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { findUnitsAction } from "@/app/(app)/admin/reorganise/actions";

type Found = { code: string; name: string; parent: string | null };

/**
 * Beside a field that asks for unit codes: type part of a name (with or
 * without diacritics, as the search does) and pick the unit; its code goes
 * into the field (added to a list, for fields that take several).
 */
export function UnitFinder({ find, onPick, forField }: { find: typeof findUnitsAction; onPick: (code: string) => void; forField: string }) {
  const t = useTranslations("reorganise");
  const id = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);

  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    // A short pause, so that a name typed letter by letter is looked up once.
    const timer = setTimeout(() => {
      find(query)
        .then((result) => current && setFound(result.ok ? result.units : []))
        .catch(() => current && setFound(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [find, query]);
  const shown = query.trim().length < 2 ? null : found;

  return (
    <div className="mt-1">
      <label htmlFor={`${id}-find`} className="block text-sm text-slate-700">{t("findByName", { field: forField })}</label>
      <input
        id={`${id}-find`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        aria-controls={`${id}-results`}
        className="block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 text-base"
      />
      <ul id={`${id}-results`} aria-live="polite" className="mt-1 space-y-1">
        {shown?.length === 0 && <li className="text-sm text-slate-700">{t("findNothing")}</li>}
        {shown?.map((unit) => (
          <li key={unit.code}>
            <button
              type="button"
              onClick={() => {
                onPick(unit.code);
                setQuery("");
                setFound(null);
              }}
              className="min-h-12 w-full rounded-md border border-slate-300 bg-slate-50 px-3 text-left hover:bg-brand-50"
            >
              {unit.name}
              {unit.parent && <span className="text-slate-700"> · {unit.parent}</span>}
              {" "}
              <span className="font-mono text-sm text-slate-700">({unit.code})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
