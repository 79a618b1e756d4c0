"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { CampaignDayInput, CampaignDayResult, CampaignTeam } from "@/lib/activities/campaign-day";
import type { ActionFailure } from "@/lib/auth/define-action";
import { COUNT_FIELDS } from "@/lib/schemas/activity-options";
import { ImportFailure } from "@/components/ui/import-failure";
import { NoticeBox } from "@/components/ui/notice-box";
import { ScrollBox } from "@/components/ui/scroll-box";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * One date and place, a line per team: the ward or district types each
 * team's counts from the day's tally and saves them all at once. A line left
 * empty is not a record. The request id is kept for the form's life, so a
 * second tap (or a retry after a lost answer) writes the day once.
 */
export function CampaignDayForm({ unitCode, teams, today, action }: { unitCode: string; teams: CampaignTeam[]; today: string; action: (input: CampaignDayInput) => Promise<CampaignDayResult | ActionFailure> }) {
  const t = useTranslations("campaignDay");
  const counts = useTranslations("activities.counts");
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<CampaignDayResult | ActionFailure | null>(null);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [formKey, setFormKey] = useState(0);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  // An error's cell as the page shows it: the team's row and the count's column.
  const isCount = (field: string): field is (typeof COUNT_FIELDS)[number] => (COUNT_FIELDS as readonly string[]).includes(field);
  const cellName = (line: number, field: string) => {
    const team = teams[line - 1];
    return team ? `${team.unitName} · ${isCount(field) ? counts(field) : field === "teamCode" ? t("team") : field}` : field;
  };

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const input: CampaignDayInput = {
      unitCode,
      requestId,
      occurredOn: text("occurredOn"),
      place: text("place"),
      lines: teams.map((team, index) => ({ teamCode: team.code, ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, text(`line-${index}-${field}`)])) })),
    };
    startTransition(async () => {
      const answer = await action(input);
      setResult(answer);
      if (answer.ok) {
        // Written: the next day typed on this page is another request, on an empty form.
        setRequestId(crypto.randomUUID());
        setFormKey((key) => key + 1);
      }
    });
  }

  return (
    <div className="space-y-4">
      {result?.ok === true && <NoticeBox kind="success">{t("saved", { rows: result.rows, helped: result.helped })}</NoticeBox>}
      {result?.ok === false && (
        <ImportFailure
          message={result.message}
          errors={"lineErrors" in result ? result.lineErrors.map((error) => ({ ...error, column: cellName(error.line, error.column) })) : []}
          labels={{ title: t("errorsTitle"), line: t("line"), column: t("column"), error: t("error") }}
        />
      )}
      <form
        key={formKey}
        onSubmit={(event) => {
          event.preventDefault();
          submit(event.currentTarget);
        }}
        className="space-y-3 rounded-md bg-white p-4 shadow-sm"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="occurredOn" className="mb-1 block font-medium">{t("date")}</label>
            <input id="occurredOn" name="occurredOn" type="date" required defaultValue={today} max={today} aria-invalid={fieldErrors.occurredOn ? true : undefined} aria-describedby={fieldErrors.occurredOn ? "occurredOn-error" : undefined} className="min-h-12 w-full rounded-md border border-slate-400 px-3" />
            {fieldErrors.occurredOn && <p id="occurredOn-error" className="mt-1 text-red-800">{fieldErrors.occurredOn.join(" ")}</p>}
          </div>
          <div>
            <label htmlFor="place" className="mb-1 block font-medium">{t("place")}</label>
            <input id="place" name="place" required maxLength={200} aria-invalid={fieldErrors.place ? true : undefined} aria-describedby={fieldErrors.place ? "place-error" : "place-hint"} className="min-h-12 w-full rounded-md border border-slate-400 px-3" />
            {fieldErrors.place ? <p id="place-error" className="mt-1 text-red-800">{fieldErrors.place.join(" ")}</p> : <p id="place-hint" className="mt-1 text-sm text-slate-700">{t("placeHint")}</p>}
          </div>
        </div>
        <ScrollBox label={t("tableLabel")}>
          <table className="w-full min-w-[56rem] text-sm" data-testid="campaign-lines">
            <caption className="sr-only">{t("tableLabel")}</caption>
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left">{t("team")}</th>
                {COUNT_FIELDS.map((field) => <th key={field} scope="col" className="p-1 text-right font-medium">{counts(field)}</th>)}
              </tr>
            </thead>
            <tbody>
              {teams.map((team, index) => (
                <tr key={team.code} className="border-t border-slate-100">
                  <th scope="row" className="p-1 text-left font-normal">{team.unitName}</th>
                  {COUNT_FIELDS.map((field) => (
                    <td key={field} className="p-1">
                      <input
                        name={`line-${index}-${field}`}
                        inputMode="numeric"
                        aria-label={`${team.unitName} · ${counts(field)}`}
                        className="min-h-10 w-full min-w-16 rounded border border-slate-400 px-2 text-right tabular-nums"
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <p className="text-sm text-slate-700">{t("linesHint")}</p>
        <button type="submit" disabled={!hydrated || pending} className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">
          {pending ? t("saving") : t("save")}
        </button>
      </form>
    </div>
  );
}
