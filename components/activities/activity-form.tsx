"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { vietnamDate } from "@/lib/periods";
import { keepPages } from "@/components/offline/offline-kit";
import { useQueuedSave } from "@/components/offline/use-queued-save";
import { entryFor, onOutboxChange } from "@/lib/offline/outbox";
import { ACTIVITY_KINDS, COUNT_FIELDS } from "@/lib/schemas/activity-options";
import { NoticeBox } from "@/components/ui/notice-box";

export interface ActivityValues {
  id?: number;
  version?: number;
  occurredOn: string;
  kind: string;
  place: string;
  memberIds: number[];
  attendees: number | null;
  counts: Record<(typeof COUNT_FIELDS)[number], number>;
}

type Notice = { kind: "info" | "success" | "error"; text: string };

/**
 * Logs what a team did on a day in a minute on a phone: the date (today), the
 * kind, the place, who took part (tick), and the residents helped per
 * service. Sent at once, or kept on the device and sent when the connection
 * returns, written once; an edit typed over a later change is not written.
 */
export function ActivityForm({ teamCode, teamName, today: servedOn, members, activity, needsReason, backHref }: {
  teamCode: string;
  teamName: string;
  today: string;
  members: { id: number; fullName: string }[];
  activity?: ActivityValues;
  needsReason: boolean;
  backHref: string;
}) {
  const t = useTranslations("activities");
  const router = useRouter();
  const url = `/api/v1/teams/${encodeURIComponent(teamCode)}/activities`;
  const { userId, submit } = useQueuedSave(url, "activity");
  const editing = activity?.id !== undefined;
  const [formKey, setFormKey] = useState(0);
  const [kind, setKind] = useState(activity?.kind ?? "HOME_VISITS");
  const [version, setVersion] = useState(activity?.version);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const ready = useHydrated();
  const [newerVersion, setNewerVersion] = useState<number | null>(null);
  // A form kept on the phone for days offline defaults to the device's today, not the day it was fetched.
  const [today, setToday] = useState(servedOn);
  // A new record's id lives until it is written: sent again after a lost answer, it is written once.
  const requestId = useRef("");
  const outboxKey = () => (editing ? `activity:${activity!.id}` : `activity:new:${requestId.current}`);

  useEffect(() => {
    const local = vietnamDate(new Date());
    if (local > servedOn) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's clock is the browser's to know
      setToday(local);
      if (!editing) setFormKey((key) => key + 1);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  // An edit still waiting on the device says so; when the queue sends it, the form learns.
  useEffect(() => {
    if (!editing || !userId) return;
    void entryFor(userId, outboxKey()).then((entry) => entry && setNotice({ kind: entry.status === "waiting" ? "info" : "error", text: entry.status === "waiting" ? t("queuedNow") : (entry.message ?? t("notSent")) }), () => {});
    return onOutboxChange((change) => {
      if (change.userId === userId && change.key === outboxKey() && change.sent) {
        setNotice({ kind: "success", text: t("saved") });
        router.refresh();
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribes once per user and record
  }, [userId, activity?.id]);

  function startNext() {
    setFormKey((key) => key + 1);
    setKind("HOME_VISITS");
    requestId.current = "";
  }

  async function save(form: HTMLFormElement, over?: number) {
    const data = new FormData(form);
    const fields: Record<string, unknown> = Object.fromEntries(["occurredOn", "kind", "place", "attendees", "reason", ...COUNT_FIELDS].map((name) => [name, String(data.get(name) ?? "")]));
    fields.memberIds = data.getAll("memberIds").map(Number);
    if (fields.kind !== "TRAINING") fields.attendees = "";
    if (!needsReason) delete fields.reason;
    if (editing || !requestId.current) requestId.current = crypto.randomUUID();
    const body = { ...fields, requestId: requestId.current, ...(editing ? { activityId: activity!.id, version: over ?? version } : {}) };
    const label = t("label", { team: teamName, date: String(fields.occurredOn).split("-").reverse().join("/") });
    setPending(true);
    setNotice(null);
    setErrors({});
    try {
      const outcome = await submit(outboxKey(), body, label);
      if (outcome.kind === "sent") {
        setNotice({ kind: "success", text: t("saved") });
        setNewerVersion(null);
        if (editing) setVersion((outcome.result as { version: number }).version);
        else startNext();
        router.refresh();
        keepPages([backHref]);
      } else if (outcome.kind === "queued") {
        if (!editing) startNext();
        setNotice(outcome.signIn ? { kind: "error", text: t("queuedSignIn", { message: outcome.signIn }) } : { kind: "info", text: t("queuedNow") });
      } else if (outcome.kind === "conflict") {
        setNewerVersion((outcome.conflict as { activity: { version: number } }).activity.version);
        setNotice({ kind: "error", text: outcome.message });
      } else if (outcome.kind === "refused") {
        setErrors(outcome.fieldErrors ?? {});
        setNotice({ kind: "error", text: outcome.message });
      } else setNotice({ kind: "error", text: outcome.storageFull ? t("storageFull") : t("notSent") });
    } finally {
      setPending(false);
    }
  }

  const select = "block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base";
  const counts = activity?.counts;
  return (
    <form
      key={formKey}
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
      className="space-y-4"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="occurredOn" name="occurredOn" type="date" label={t("occurredOn")} defaultValue={activity?.occurredOn ?? today} max={today} required errors={errors.occurredOn} />
        <div>
          <label htmlFor="kind" className="mb-1 block font-medium">{t("kind")}</label>
          <select id="kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value)} className={select}>
            {ACTIVITY_KINDS.map((option) => <option key={option} value={option}>{t(`kinds.${option}`)}</option>)}
          </select>
          {errors.kind ? <p className="mt-1 text-sm text-red-700">{errors.kind.join(" ")}</p> : null}
        </div>
      </div>
      <TextField id="place" name="place" label={t("place")} hint={t("placeHint")} defaultValue={activity?.place ?? ""} required errors={errors.place} />

      <fieldset>
        <legend className="mb-1 font-medium">{t("members")}</legend>
        {members.length === 0 ? <p className="text-sm text-slate-700">{t("noMembers")}</p> : null}
        <div className="grid gap-1 sm:grid-cols-2">
          {members.map((member) => (
            <label key={member.id} className="flex min-h-12 items-center gap-3 rounded-md border border-slate-300 bg-white px-3">
              <input type="checkbox" name="memberIds" value={member.id} defaultChecked={activity?.memberIds.includes(member.id)} className="h-6 w-6" />
              {member.fullName}
            </label>
          ))}
        </div>
        {errors.memberIds ? <p className="mt-1 text-sm text-red-700">{errors.memberIds.join(" ")}</p> : null}
      </fieldset>

      <fieldset>
        <legend className="mb-1 font-medium">{t("helped")}</legend>
        <p className="mb-2 text-sm text-slate-700">{t("helpedHint")}</p>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {COUNT_FIELDS.map((field) => (
            <TextField key={field} id={field} name={field} label={t(`counts.${field}`)} inputMode="numeric" defaultValue={counts?.[field] ? String(counts[field]) : ""} errors={errors[field]} />
          ))}
          {kind === "TRAINING" ? (
            <TextField id="attendees" name="attendees" label={t("attendees")} inputMode="numeric" defaultValue={activity?.attendees ?? ""} errors={errors.attendees} />
          ) : null}
        </div>
      </fieldset>

      {needsReason ? <TextField id="reason" name="reason" label={t("reason")} hint={t("reasonHint")} required errors={errors.reason} /> : null}

      <div className="sticky bottom-0 space-y-2 border-t border-slate-200 bg-slate-50/95 py-3">
        {newerVersion !== null ? (
          <button type="button" onClick={(event) => void save(event.currentTarget.form!, newerVersion)} className="min-h-12 w-full rounded-md border border-slate-400 bg-white px-4 font-semibold">
            {t("saveOverNewer")}
          </button>
        ) : null}
        <SubmitButton pending={pending || !ready}>{editing ? t("saveChanges") : t("save")}</SubmitButton>
        {notice ? (
          <NoticeBox kind={notice.kind} as="p">
            {notice.text}
          </NoticeBox>
        ) : null}
      </div>
    </form>
  );
}
