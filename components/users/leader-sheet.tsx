"use client";

import { useTranslations } from "next-intl";
import type { LeaderSheetRow } from "@/lib/users/leader-accounts";

/**
 * The one-time passwords, shown once, as a sheet to print and cut into slips
 * for the next ward meeting: name, team, username, password. Nothing of it is
 * kept: leaving the page loses it, and a lost slip is a reset.
 */
export function LeaderSheet({ rows, wardName }: { rows: LeaderSheetRow[]; wardName: string }) {
  const t = useTranslations("leaders");
  return (
    <section aria-labelledby="leader-sheet" className="leader-sheet rounded-md border-2 border-green-600 bg-white p-4">
      <h2 id="leader-sheet" className="text-lg font-semibold">{t("sheetTitle", { ward: wardName, count: rows.length })}</h2>
      <p className="mb-3 text-sm print:hidden">{t("sheetNote")}</p>
      <button type="button" onClick={() => window.print()} className="mb-3 min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white print:hidden">{t("print")}</button>
      <table className="w-full border-collapse text-left" data-testid="leader-sheet">
        <thead>
          <tr>
            <th scope="col" className="border border-slate-400 p-2">{t("fullName")}</th>
            <th scope="col" className="border border-slate-400 p-2">{t("team")}</th>
            <th scope="col" className="border border-slate-400 p-2">{t("username")}</th>
            <th scope="col" className="border border-slate-400 p-2">{t("password")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.username} className="break-inside-avoid">
              <td className="border border-slate-400 p-2">{row.fullName}</td>
              <td className="border border-slate-400 p-2">{row.team}<span className="block text-sm text-slate-600">{row.group}</span></td>
              <td className="border border-slate-400 p-2 font-mono" data-testid="sheet-username">{row.username}</td>
              <td className="border border-slate-400 p-2 font-mono text-lg font-bold tracking-wider" data-testid="sheet-password">{row.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm">{t("sheetFooter")}</p>
    </section>
  );
}
