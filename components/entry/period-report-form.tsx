"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { checkFigures, type Say } from "@/lib/schemas/figure-rules";
import type { EntryForm } from "@/lib/reports/get-entry-form";
import type { submitReportAction } from "@/app/(app)/entry/actions";
import { clearDraft, draftKey, legacyDraftKey, readDraft, writeDraft, type ReportDraft } from "./use-report-draft";
import { ConflictPanel, asText, type Conflict } from "./conflict-panel";
import { useHydrated } from "@/components/ui/use-hydrated";
import Link from "@/components/ui/link";
import { keepPages } from "@/components/offline/offline-kit";
import { useQueuedSave } from "@/components/offline/use-queued-save";
import { discardEntry, entryFor, onOutboxChange, type OutboxEntry } from "@/lib/offline/outbox";
import { NoticeBox } from "@/components/ui/notice-box";

interface Props {
  form: EntryForm;
  actions: { submit: typeof submitReportAction };
}

/** What a save sends, at once or from the device's queue. */
interface SaveBody {
  version: number;
  requestId: string;
  values: Record<string, string>;
  reasons: Record<string, string>;
  confirmed: string[];
}

type Notice = { kind: "info" | "success" | "error"; text: string; action?: "discard" | "retry" | "discardQueued" };


export function PeriodReportForm({ form, actions }: Props) {
  const t = useTranslations("entry");
  const say = useTranslations() as unknown as Say;
  const format = useFormatter();
  const router = useRouter();
  // The device's queue holds one save per unit and month, sent to the app's write route (lib/api/write-route.ts).
  const { userId, submit: submitSave } = useQueuedSave(`/api/v1/units/${encodeURIComponent(form.unit.code)}/reports/${form.period}`, "report");
  const key = draftKey(userId, form.unit.code, form.period);
  const outboxKey = `report:${form.unit.code}:${form.period}`;
  const locked = form.report.status === "APPROVED" || form.report.status === "LOCKED";
  // Figures this month takes from the team's activity log (lib/activities/residents-helped.ts): shown, not typed.
  const fromActivities = new Set(form.fromActivities?.codes ?? []);

  const [saved, setSaved] = useState<Record<string, string>>(() => asText(form.values));
  const [values, setValues] = useState<Record<string, string>>(() => asText(form.values));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  // Stock fields confirmed as unchanged since last month: sent as confirmations, stored and audited as such.
  const savedConfirmed = () => new Set(Object.entries(form.authors).filter(([, author]) => author.confirmed).map(([code]) => code));
  const [confirmed, setConfirmed] = useState<Set<string>>(savedConfirmed);
  const [version, setVersion] = useState(form.report.version);
  const [status, setStatus] = useState(form.report.status);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page's script runs, the button does nothing rather than submit the figures in the address (a slow phone, offline).
  const ready = useHydrated();
  // One id per content: a retry after a network failure sends the same id, so the server applies it once.
  const requestId = useRef<string | null>(null);
  // The save waiting in the device's queue for this month, if any: what it sent is what becomes saved once it arrives.
  const queued = useRef<SaveBody | null>(null);

  /** A save kept on the device (queued earlier, maybe days ago): its figures, base version and id come back to the form. */
  function restoreQueued(entry: OutboxEntry) {
    const body = entry.body as unknown as SaveBody;
    queued.current = body;
    requestId.current = body.requestId;
    setValues({ ...asText(form.values), ...body.values });
    setReasons(body.reasons ?? {});
    setConfirmed(new Set(body.confirmed ?? []));
    setVersion(body.version);
    const time = format.dateTime(new Date(entry.queuedAt), "dateTime");
    if (entry.status === "conflict") {
      setConflict(entry.conflict as Conflict);
      setNotice({ kind: "error", text: t("queuedConflict", { message: entry.message ?? "" }), action: "discardQueued" });
    } else if (entry.status === "refused") {
      setServerErrors(entry.fieldErrors ?? {});
      setNotice({ kind: "error", text: t("queuedRefused", { message: entry.message ?? "" }), action: "discardQueued" });
    } else if (entry.status === "signin") {
      setNotice({ kind: "error", text: t("queuedSignIn", { time, message: entry.message ?? "" }) });
    } else setNotice({ kind: "info", text: t("queued", { time }), action: "discardQueued" });
  }

  function restoreDraft(draft: ReportDraft) {
    setValues((current) => ({ ...current, ...draft.values }));
    setReasons(draft.reasons ?? {});
    if (draft.confirmed) setConfirmed(new Set(draft.confirmed));
    setNotice({ kind: "info", text: t("draftRestored", { time: format.dateTime(new Date(draft.savedAt), "dateTime") }), action: "discard" });
  }

  // Bring back a save still on the device, else what was typed before a reload, a lost connection or a closed tab.
  useEffect(() => {
    let arrived = true;
    void (async () => {
      // A month approved since the save was queued still shows what was typed (read-only), with the reason.
      const entry = await entryFor(userId, outboxKey).catch(() => undefined);
      if (!arrived) return;
      if (entry) return restoreQueued(entry);
      const legacy = readDraft(legacyDraftKey(form.unit.code, form.period));
      if (legacy) {
        clearDraft(legacyDraftKey(form.unit.code, form.period));
        writeDraft(key, legacy);
      }
      const draft = readDraft(key);
      if (!draft || locked) return;
      const differs = form.elements.some((element) => (draft.values[element.code] ?? "") !== (saved[element.code] ?? ""));
      if (!differs) return clearDraft(key);
      restoreDraft(draft);
    })();
    return () => {
      arrived = false;
    };
    // Run once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const check = useMemo(() => checkFigures(form.elements, form.partOf, values, form.previous, reasons, say), [form, values, reasons, say]);
  const dirty = form.elements.some((element) => (values[element.code] ?? "") !== (saved[element.code] ?? ""));

  function update(next: Record<string, string>, nextReasons = reasons, nextConfirmed = confirmed) {
    setValues(next);
    setReasons(nextReasons);
    setConfirmed(nextConfirmed);
    setServerErrors({});
    requestId.current = null;
    writeDraft(key, { values: next, reasons: nextReasons, confirmed: [...nextConfirmed], baseVersion: version, savedAt: new Date().toISOString() });
  }

  /** Typing in a field makes it a typed figure again; "same as last month" makes it a confirmation. */
  function type(code: string, text: string) {
    const nextConfirmed = new Set(confirmed);
    nextConfirmed.delete(code);
    update({ ...values, [code]: text }, reasons, nextConfirmed);
  }

  const confirmable = form.elements.filter((element) => element.aggregation === "STOCK" && form.previous[element.code] != null);
  const unconfirmedEmpty = confirmable.filter((element) => (values[element.code] ?? "").trim() === "");

  function confirmUnchanged(codes: string[]) {
    const next = { ...values };
    const nextConfirmed = new Set(confirmed);
    for (const code of codes) {
      next[code] = String(form.previous[code]);
      nextConfirmed.add(code);
    }
    update(next, reasons, nextConfirmed);
  }

  /** What the server applied: these figures are now the saved ones. */
  function applySaved(result: { version: number; changed: number }, sentValues: Record<string, string>) {
    // Typing since the queued save was made stays in its draft; a draft of exactly what arrived is done with.
    const draft = readDraft(key);
    if (!draft || form.elements.every((element) => (draft.values[element.code] ?? "") === (sentValues[element.code] ?? ""))) clearDraft(key);
    queued.current = null;
    setSaved(sentValues);
    setVersion(result.version);
    setConflict(null);
    setStatus((current) => (current === "SUBMITTED" && result.changed > 0 ? "DRAFT" : current));
    requestId.current = null;
    setNotice({ kind: "success", text: t("saved", { time: format.dateTime(new Date(), "dateTime") }) });
    router.refresh();
    // The copy kept for offline use shows the saved figures too.
    keepPages([location.pathname]);
  }

  // The queue sent this month's save from another page, tab or a reconnection: the form learns how it went.
  useEffect(
    () =>
      onOutboxChange((change) => {
        if (change.userId !== userId || change.key !== outboxKey) return;
        if (change.sent && queued.current) return applySaved(change.sent.result as { version: number; changed: number }, queued.current.values);
        void entryFor(userId, outboxKey).then((entry) => entry && entry.status !== "waiting" && restoreQueued(entry));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [userId, outboxKey],
  );

  async function save() {
    if (Object.keys(check.errors).length + Object.keys(check.warnings).length > 0) {
      setNotice({ kind: "error", text: t("fixFirst") });
      document.getElementById(`field-${Object.keys({ ...check.errors, ...check.warnings })[0]}`)?.focus();
      return;
    }
    // One id per content: a retry, or the queue sending later, sends the same id, so the server applies it once.
    requestId.current ??= crypto.randomUUID();
    const body: SaveBody = { version, requestId: requestId.current, values, reasons, confirmed: [...confirmed] };
    setPending(true);
    setNotice(null);
    try {
      const outcome = await submitSave(outboxKey, body as unknown as Record<string, unknown>, `${form.unit.name} · ${form.period.split("-").reverse().join("/")}`);
      if (outcome.kind === "sent") applySaved(outcome.result as { version: number; changed: number }, values);
      else if (outcome.kind === "conflict") {
        setConflict(outcome.conflict as Conflict);
        setNotice({ kind: "error", text: outcome.message });
      } else if (outcome.kind === "refused") {
        if (outcome.fieldErrors) setServerErrors(outcome.fieldErrors);
        setNotice({ kind: "error", text: outcome.message });
      } else if (outcome.kind === "queued") {
        // No connection (or no answer): the save waits on the device and is sent when the connection returns.
        queued.current = body;
        clearDraft(key);
        setNotice(outcome.signIn ? { kind: "error", text: t("queuedSignIn", { time: format.dateTime(new Date(), "dateTime"), message: outcome.signIn }) } : { kind: "info", text: t("queuedNow"), action: "discardQueued" });
      } else {
        // The device could not keep it either: the figures stay on the screen, and the user is told plainly.
        setNotice({ kind: "error", text: outcome.storageFull ? t("storageFull") : t("offline"), action: "retry" });
      }
    } finally {
      setPending(false);
    }
  }

  /** The user gives up the save waiting on the device: the form shows the saved figures again. */
  async function discardQueued() {
    await discardEntry(userId, outboxKey).catch(() => {});
    queued.current = null;
    requestId.current = null;
    setValues(saved);
    setReasons({});
    setConfirmed(savedConfirmed());
    setVersion(form.report.version);
    setConflict(null);
    setServerErrors({});
    setNotice(null);
  }

  async function submit() {
    setPending(true);
    try {
      const result = await actions.submit({ unitCode: form.unit.code, period: form.period });
      if (result.ok) {
        setStatus("SUBMITTED");
        setVersion(result.version);
        setNotice({ kind: "success", text: t("submitted") });
      } else setNotice({ kind: "error", text: result.message });
    } catch {
      setNotice({ kind: "error", text: t("offline") });
    } finally {
      setPending(false);
    }
  }

  function resolveConflict(choice: Record<string, "mine" | "theirs">) {
    if (!conflict) return;
    const theirs = asText(conflict.values);
    const merged = { ...values };
    for (const element of form.elements) if (choice[element.code] === "theirs") merged[element.code] = theirs[element.code] ?? "";
    setSaved(theirs);
    setVersion(conflict.version);
    setConflict(null);
    update(merged);
    setNotice({ kind: "info", text: t("mergedNowSave") });
  }

  const ratio = (numerator: string, denominator: string) => {
    const top = check.values[numerator];
    const bottom = check.values[denominator];
    return top == null || !bottom ? null : top / bottom;
  };

  return (
    <div className="space-y-4">
      <p className="text-sm">
        <span className="rounded bg-slate-200 px-2 py-1 font-medium">{t(`status.${status}`)}</span>
        {form.report.reopenReason && status === "DRAFT" ? <span className="ml-2">{t("reopenedBecause", { reason: form.report.reopenReason })}</span> : null}
      </p>
      {locked && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("lockedNotice")}</p>}

      {notice && (
        <NoticeBox kind={notice.kind}>
          <p>{notice.text}</p>
          {notice.action === "discard" ? (
            <button type="button" className="mt-2 min-h-10 underline" onClick={() => { clearDraft(key); setValues(saved); setReasons({}); setConfirmed(savedConfirmed()); setNotice(null); }}>
              {t("discardDraft")}
            </button>
          ) : null}
          {notice.action === "discardQueued" ? (
            <button type="button" className="mt-2 min-h-10 underline" onClick={() => void discardQueued()}>
              {t("discardQueued")}
            </button>
          ) : null}
          {notice.action === "retry" ? (
            <button type="button" onClick={save} className="mt-2 min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("retry")}</button>
          ) : null}
        </NoticeBox>
      )}

      {conflict && <ConflictPanel elements={form.elements} mine={values} conflict={conflict} onResolve={resolveConflict} />}

      <form
        id="report-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="space-y-3"
      >
        {!locked && unconfirmedEmpty.length > 0 ? (
          <div className="rounded-md border border-sky-300 bg-sky-50 p-3">
            <button type="button" onClick={() => confirmUnchanged(unconfirmedEmpty.map((element) => element.code))} className="min-h-12 w-full rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700">
              {t("confirmAllUnchanged", { count: unconfirmedEmpty.length })}
            </button>
            <p className="mt-1 text-sm text-slate-700">{t("confirmAllHelp")}</p>
          </div>
        ) : null}
        {form.elements.map((element) => {
          const error = serverErrors[element.code]?.[0] ?? check.errors[element.code];
          const warning = check.warnings[element.code];
          const previous = form.previous[element.code];
          const history = form.history[element.code] ?? [];
          const author = form.authors[element.code];
          const id = `field-${element.code}`;
          const isConfirmed = confirmed.has(element.code);
          const mayConfirm = !locked && element.aggregation === "STOCK" && previous != null && !isConfirmed;
          return (
            <div key={element.code} className="rounded-md bg-white p-3 shadow-sm">
              <label htmlFor={id} className="block font-medium">{element.name}</label>
              {element.description ? <p id={`${id}-help`} className="text-sm text-slate-600">{element.description}</p> : null}
              <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600">
                <span>{previous == null ? t("noPrevious") : t("previous", { value: format.number(previous) })}</span>
                {mayConfirm ? (
                  <button type="button" onClick={() => confirmUnchanged([element.code])} className="min-h-10 text-brand-700 underline" aria-label={t("sameAsLastFor", { name: element.name, value: format.number(previous) })}>
                    {t("sameAsLast", { value: format.number(previous) })}
                  </button>
                ) : null}
              </p>
              <input
                id={id}
                name={element.code}
                inputMode="numeric"
                autoComplete="off"
                disabled={locked}
                readOnly={fromActivities.has(element.code)}
                value={values[element.code] ?? ""}
                onChange={(event) => type(element.code, event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={[element.description ? `${id}-help` : null, error || warning ? `${id}-message` : null].filter(Boolean).join(" ") || undefined}
                className="mt-1 block min-h-12 w-full rounded-md border border-slate-400 px-3 text-lg tabular-nums aria-invalid:border-red-600"
              />
              {isConfirmed ? <p className="mt-1 text-sm font-medium text-green-800" data-testid={`confirmed-${element.code}`}>✓ {t("confirmedUnchanged")}</p> : null}
              {fromActivities.has(element.code) ? (
                <p className="mt-1 text-sm text-slate-700" data-testid={`from-activities-${element.code}`}>
                  {t("fromActivities")}{" "}
                  {form.fromActivities?.teamCode ? <Link href={`/teams/${encodeURIComponent(form.fromActivities.teamCode)}`} className="text-brand-700 underline">{t("seeActivities")}</Link> : null}
                </p>
              ) : null}
              {author && (values[element.code] ?? "") === (saved[element.code] ?? "") ? (
                <p className="mt-1 text-sm text-slate-600" data-testid={`author-${element.code}`}>
                  {t(author.confirmed ? "confirmedBy" : "enteredBy", { name: author.name ?? t("someoneElse"), time: format.dateTime(new Date(author.at), "dateTime") })}
                </p>
              ) : null}
              {error ? <p id={`${id}-message`} className="mt-1 text-sm text-red-700">{error}</p> : null}
              {!error && warning ? (
                <div id={`${id}-message`} className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900">
                  <p>{warning}</p>
                  <label htmlFor={`${id}-reason`} className="mt-1 block font-medium">{t("reason")}</label>
                  <input
                    id={`${id}-reason`}
                    value={reasons[element.code] ?? ""}
                    onChange={(event) => update(values, { ...reasons, [element.code]: event.target.value })}
                    className="mt-1 block min-h-12 w-full rounded-md border border-amber-400 bg-white px-3"
                  />
                </div>
              ) : null}
              {history.length > 0 ? (
                <details className="mt-1 text-sm">
                  <summary className="min-h-10 cursor-pointer py-2 text-brand-700">{t("history", { count: history.length })}</summary>
                  <ul className="space-y-1">
                    {history.map((entry, index) => (
                      <li key={index}>
                        {format.dateTime(new Date(entry.at), "dateTime")} · {entry.actor}: {entry.before ?? "–"} → {entry.after ?? "–"}
                        {entry.confirmed ? ` (${t("confirmedUnchanged")})` : ""}
                        {entry.reason ? ` (${entry.reason})` : ""}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          );
        })}

        {!locked && (
          <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-200 bg-slate-50/95 py-3">
            {/* The outcome (saved, kept on the device, refused), echoed beside the button just pressed: on a long form the
                full notice is out of sight above. Hidden from screen readers, which already announced that notice. */}
            {notice && notice.action !== "discard" ? (
              <p aria-hidden data-testid="save-echo" className={`line-clamp-2 basis-full text-sm ${notice.kind === "error" ? "text-red-800" : notice.kind === "success" ? "text-green-800" : "text-sky-800"}`}>{notice.text}</p>
            ) : null}
            <button type="submit" disabled={pending || !ready} className="min-h-12 flex-1 rounded-md bg-brand-700 px-4 text-base font-semibold text-white disabled:opacity-60">
              {pending ? t("saving") : t("save")}
            </button>
            {form.canSubmit && status === "DRAFT" && version > 0 ? (
              <button type="button" onClick={submit} disabled={pending || dirty} className="min-h-12 flex-1 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700 disabled:opacity-50">
                {t("submit")}
              </button>
            ) : null}
          </div>
        )}
      </form>

      {/* After the fields: the official types first, then sees what the figures make. */}
      <section aria-labelledby="indicators-heading" className="rounded-md bg-white p-4 shadow-sm">
        <h2 id="indicators-heading" className="mb-2 font-semibold">{t("indicators")}</h2>
        <ul className="space-y-1 text-sm">
          {form.indicators.map((indicator) => {
            const value = ratio(indicator.numerator, indicator.denominator);
            return (
              <li key={indicator.code} data-testid={`indicator-${indicator.code}`}>
                <span className="font-medium">{indicator.name}</span>:{" "}
                {value === null
                  ? t("notComputable")
                  : `${format.number(check.values[indicator.numerator]!)} / ${format.number(check.values[indicator.denominator]!)} = ${format.number(value, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })}`}
                {indicator.target ? (
                  <span className="text-slate-600">
                    {" "}
                    · {t("target", { value: format.number(indicator.target.value, { style: "percent", maximumFractionDigits: 1 }), from: indicator.target.unitName ?? t("national") })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
