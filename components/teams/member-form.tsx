"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { keepPages } from "@/components/offline/offline-kit";
import { useQueuedSave } from "@/components/offline/use-queued-save";
import { discardEntry, entriesOf, entryFor, onOutboxChange, type OutboxEntry } from "@/lib/offline/outbox";
import { AFFILIATIONS, GENDERS, MEMBER_ROLES } from "@/lib/schemas/member-options";
import { NoticeBox } from "@/components/ui/notice-box";

export interface MemberValues {
  id?: number;
  version?: number;
  fullName: string;
  role: string;
  affiliation: string;
  birthYear: number | null;
  gender: string | null;
  phone: string | null;
  trainedOn: string | null;
}

type Fields = Record<"fullName" | "role" | "affiliation" | "birthYear" | "gender" | "phone" | "trainedOn", string>;
type Notice = { kind: "info" | "success" | "error"; text: string };
/** The card as the server holds it now, when a colleague changed it after this page was opened. */
type ServerCard = Fields & { version: number; updatedAt: string };

const fieldsOf = (member?: Partial<MemberValues> | Record<string, unknown>): Fields => {
  const text = (value: unknown, fallback = "") => (value === null || value === undefined ? fallback : String(value));
  return {
    fullName: text(member?.fullName),
    role: text(member?.role, "MEMBER"),
    affiliation: text(member?.affiliation, "OTHER"),
    birthYear: text(member?.birthYear),
    gender: text(member?.gender),
    phone: text(member?.phone),
    trainedOn: text(member?.trainedOn),
  };
};

/**
 * Add a member (no member.id) or edit one; the same fields and rules either
 * way. Saves go to the team's write route, at once when there is a
 * connection, else to the device's queue (lib/offline/outbox.ts), sent when
 * the connection returns: a new member is added once, and an edit made over a
 * colleague's later change comes back to be decided, never written over it.
 */
export function MemberForm({ teamCode, teamName, member, submitLabel }: { teamCode: string; teamName: string; member?: MemberValues; submitLabel: string }) {
  const t = useTranslations("teams");
  const roles = useTranslations("memberRoles");
  const affiliations = useTranslations("affiliations");
  const format = useFormatter();
  const router = useRouter();
  const url = `/api/v1/teams/${encodeURIComponent(teamCode)}/members`;
  const { userId, submit } = useQueuedSave(url, "member");
  const editing = member?.id !== undefined;
  const [defaults, setDefaults] = useState<Fields>(() => fieldsOf(member));
  const [formKey, setFormKey] = useState(0);
  const [version, setVersion] = useState(member?.version);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<ServerCard | null>(null);
  const [pending, setPending] = useState(false);
  const [waitingNew, setWaitingNew] = useState<OutboxEntry[]>([]);
  // Until the page's script runs, the button does nothing rather than submit the card in the address (a slow phone, offline).
  const ready = useHydrated();
  // A new member's request id lives until the member is added: sent again after a lost answer, it is added once.
  const requestId = useRef<string>("");
  const lastSent = useRef<string>("");
  const outboxKey = () => (editing ? `member:${member!.id}` : `member:new:${requestId.current}`);

  const refreshWaiting = () =>
    editing || !userId ? undefined : void entriesOf(userId).then((all) => setWaitingNew(all.filter((entry) => entry.key.startsWith("member:new:") && entry.body.teamCode === teamCode)), () => {});

  function show(entry: OutboxEntry) {
    setDefaults(fieldsOf(entry.body));
    setFormKey((key) => key + 1);
    requestId.current = String(entry.body.requestId ?? "");
    setErrors(entry.fieldErrors ?? {});
    const card = (entry.conflict as { member?: ServerCard } | undefined)?.member;
    setConflict(entry.status === "conflict" && card ? card : null);
    const when = format.dateTime(new Date(entry.queuedAt), "dateTime");
    setNotice(entry.status === "waiting" ? { kind: "info", text: t("queuedAt", { time: when }) } : { kind: "error", text: entry.message ?? t("queuedRefused") });
  }

  function startNext() {
    // Added or kept on the device: the form empties for the next member (a waiting one is listed below).
    setDefaults(fieldsOf());
    setFormKey((key) => key + 1);
    requestId.current = "";
    lastSent.current = "";
  }

  function applied(result: { version: number }) {
    setNotice({ kind: "success", text: t("saved") });
    setErrors({});
    setConflict(null);
    if (editing) setVersion(result.version);
    else startNext();
    router.refresh();
    keepPages([location.pathname]);
  }

  // An edit still on the device comes back into its form; the new members waiting are listed under the add form.
  useEffect(() => {
    if (!userId) return;
    if (editing) void entryFor(userId, outboxKey()).then((entry) => entry && show(entry), () => {});
    else refreshWaiting();
    return onOutboxChange((change) => {
      if (change.userId !== userId) return;
      if (!editing) {
        // A new member of this team reached the server from the queue: the list above shows them.
        if (change.sent && change.key?.startsWith("member:new:")) router.refresh();
        return refreshWaiting();
      }
      if (change.key !== outboxKey()) return;
      if (change.sent) return applied(change.sent.result as { version: number });
      void entryFor(userId, outboxKey()).then((entry) => entry && entry.status !== "waiting" && show(entry));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribes once per user and card
  }, [userId, member?.id]);

  async function save(form: HTMLFormElement, over?: number) {
    const data = new FormData(form);
    const fields = fieldsOf(Object.fromEntries(data.entries()));
    const content = JSON.stringify(fields);
    // A new id for new content of an edit; a new member keeps its id until it is added.
    if (!requestId.current || (editing && content !== lastSent.current)) requestId.current = crypto.randomUUID();
    lastSent.current = content;
    const base = over ?? version;
    const body: Record<string, unknown> = { ...fields, requestId: requestId.current, teamCode, ...(editing ? { memberId: member!.id, version: base } : {}) };
    const label = editing ? `${fields.fullName} · ${teamName}` : t("newMemberLabel", { name: fields.fullName, team: teamName });
    setPending(true);
    setNotice(null);
    try {
      const outcome = await submit(outboxKey(), body, label);
      if (outcome.kind === "sent") applied(outcome.result as { version: number });
      else if (outcome.kind === "conflict") {
        setConflict((outcome.conflict as { member: ServerCard }).member);
        setNotice({ kind: "error", text: outcome.message });
      } else if (outcome.kind === "refused") {
        setErrors(outcome.fieldErrors ?? {});
        setNotice({ kind: "error", text: outcome.message });
      } else if (outcome.kind === "queued") {
        if (!editing) startNext();
        setNotice(outcome.signIn ? { kind: "error", text: t("queuedSignIn", { message: outcome.signIn }) } : { kind: "info", text: t("queuedNow") });
      } else setNotice({ kind: "error", text: outcome.storageFull ? t("storageFull") : t("notSent") });
    } finally {
      setPending(false);
    }
  }

  /** The colleague's copy is kept: the form shows it, and nothing of this device's edit is sent. */
  async function takeTheirs() {
    if (!conflict) return;
    await discardEntry(userId, outboxKey()).catch(() => {});
    setDefaults(fieldsOf(conflict));
    setFormKey((key) => key + 1);
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    setNotice({ kind: "info", text: t("tookTheirs") });
  }

  async function discard(entry: OutboxEntry) {
    await discardEntry(userId, entry.key).catch(() => {});
    if (requestId.current === entry.body.requestId) {
      setDefaults(fieldsOf());
      setFormKey((key) => key + 1);
      requestId.current = "";
      setNotice(null);
    }
  }

  const prefix = editing ? `m${member!.id}-` : "new-";
  const select = "block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base";
  const fieldErrors = (name: string) => errors[name];
  return (
    <div className="space-y-3">
      <form
        key={formKey}
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
        className="grid gap-3 sm:grid-cols-2"
      >
        <TextField id={`${prefix}fullName`} name="fullName" label={t("fullName")} defaultValue={defaults.fullName} required errors={fieldErrors("fullName")} />
        <div>
          <label htmlFor={`${prefix}role`} className="mb-1 block font-medium">{t("role")}</label>
          <select id={`${prefix}role`} name="role" defaultValue={defaults.role} className={select}>
            {MEMBER_ROLES.map((role) => <option key={role} value={role}>{roles(role)}</option>)}
          </select>
          {fieldErrors("role") ? <p className="mt-1 text-sm text-red-700">{fieldErrors("role")!.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${prefix}affiliation`} className="mb-1 block font-medium">{t("affiliation")}</label>
          <select id={`${prefix}affiliation`} name="affiliation" defaultValue={defaults.affiliation} className={select}>
            {AFFILIATIONS.map((affiliation) => <option key={affiliation} value={affiliation}>{affiliations(affiliation)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${prefix}gender`} className="mb-1 block font-medium">{t("gender")}</label>
          <select id={`${prefix}gender`} name="gender" defaultValue={defaults.gender} className={select}>
            <option value="">{t("unspecified")}</option>
            {GENDERS.map((gender) => <option key={gender} value={gender}>{t(`genders.${gender}`)}</option>)}
          </select>
        </div>
        <TextField id={`${prefix}birthYear`} name="birthYear" label={t("birthYear")} inputMode="numeric" defaultValue={defaults.birthYear} errors={fieldErrors("birthYear")} />
        <TextField id={`${prefix}phone`} name="phone" label={t("phone")} inputMode="tel" defaultValue={defaults.phone} errors={fieldErrors("phone")} />
        <TextField id={`${prefix}trainedOn`} name="trainedOn" label={t("trainedOn")} type="date" defaultValue={defaults.trainedOn} errors={fieldErrors("trainedOn")} />
        <div className="space-y-2 sm:col-span-2">
          {conflict ? (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="member-conflict">
              <p className="font-medium">{t("theirCopy", { time: format.dateTime(new Date(conflict.updatedAt), "dateTime") })}</p>
              <p>
                {[conflict.fullName, roles(conflict.role as (typeof MEMBER_ROLES)[number]), affiliations(conflict.affiliation as (typeof AFFILIATIONS)[number]), conflict.birthYear && t("born", { year: conflict.birthYear }), conflict.phone, conflict.trainedOn]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" onClick={(event) => void save(event.currentTarget.form!, conflict.version)} className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("keepMine")}</button>
                <button type="button" onClick={() => void takeTheirs()} className="min-h-12 rounded-md border border-slate-400 bg-white px-4 font-semibold">{t("takeTheirs")}</button>
              </div>
            </div>
          ) : null}
          <SubmitButton pending={pending || !ready}>{submitLabel}</SubmitButton>
          {notice ? (
            <NoticeBox kind={notice.kind} as="p">
              {notice.text}
            </NoticeBox>
          ) : null}
        </div>
      </form>
      {waitingNew.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="members-waiting">
          <p className="font-medium">{t("waitingMembers", { count: waitingNew.length })}</p>
          <ul className="mt-1 space-y-1">
            {waitingNew.map((entry) => (
              <li key={entry.key} className="flex flex-wrap items-center gap-x-3">
                <span>{String(entry.body.fullName)}{entry.status === "waiting" ? "" : `: ${entry.message ?? t("queuedRefused")}`}</span>
                <button type="button" onClick={() => show(entry)} className="min-h-10 underline">{t("editWaiting")}</button>
                <button type="button" onClick={() => void discard(entry)} className="min-h-10 underline">{t("discardWaiting")}</button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
