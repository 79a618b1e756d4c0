"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { remindGroupAction } from "@/app/(app)/entry/actions";

interface Props {
  unitCode: string;
  period: string;
  /** The reminder without its link; the link to the group's form is added here, from the address the official uses. */
  text: string;
  entryPath: string;
  phone: string | null;
  reminded: { at: string; by: string; channel: string } | null;
  action: typeof remindGroupAction;
}

/**
 * A reminder ready to send the way the ward works: copied for Zalo in one tap,
 * an SMS with the text already in it, or a call. Each is recorded ("reminded
 * on …, by …") so that a colleague does not call the same leader again.
 */
export function ReminderButtons({ unitCode, period, text, entryPath, phone, reminded, action }: Props) {
  const t = useTranslations("completeness");
  const format = useFormatter();
  const [last, setLast] = useState(reminded);
  const [copied, setCopied] = useState(false);
  const message = () => `${text} ${window.location.origin}${entryPath}`;

  async function record(channel: "copy" | "sms" | "call") {
    try {
      const result = await action({ unitCode, period, channel });
      if (result.ok) setLast({ at: result.at, by: t("you"), channel });
    } catch {
      // The reminder went out anyway; only its record is missing, and the next tap records it.
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(message());
      setCopied(true);
    } catch {
      setCopied(false);
    }
    void record("copy");
  }

  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <button type="button" onClick={copy} className="min-h-10 text-brand-700 underline">{copied ? t("copied") : t("copyReminder")}</button>
      {phone ? (
        <>
          <a href={`sms:${phone}?&body=${encodeURIComponent(text)}`} onClick={(event) => { event.currentTarget.href = `sms:${phone}?&body=${encodeURIComponent(message())}`; void record("sms"); }} className="flex min-h-10 items-center text-brand-700 underline">{t("smsReminder")}</a>
          <a href={`tel:${phone}`} onClick={() => void record("call")} className="flex min-h-10 items-center text-brand-700 underline">{t("callLeader", { phone })}</a>
        </>
      ) : null}
      {last ? <span className="text-sm text-slate-700" data-testid={`reminded-${unitCode}`}>{t("remindedOn", { time: format.dateTime(new Date(last.at), "dateTime"), by: last.by, channel: t(`channel.${last.channel as "copy" | "sms" | "call"}`) })}</span> : null}
    </span>
  );
}
