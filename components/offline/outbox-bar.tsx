"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { useOutbox } from "./offline-kit";

/**
 * On every signed-in page: whether the device is offline, how many saves wait
 * to be sent, and each save the server sent back for the user to decide
 * (a colleague saved first, a rule refused it, sign in again), with a link to
 * the form where it is resolved.
 */
export function OutboxBar() {
  const t = useTranslations("outbox");
  const outbox = useOutbox();
  if (!outbox) return null;
  const waiting = outbox.entries.filter((entry) => entry.status === "waiting" || entry.status === "signin");
  const attention = outbox.entries.filter((entry) => entry.status !== "waiting");
  if (outbox.online && outbox.entries.length === 0) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-amber-950 print:hidden" data-testid="outbox-bar">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-2 text-sm">
        {!outbox.online ? <p className="font-medium">{t("offlineNow")}</p> : null}
        {waiting.length > 0 ? (
          <p className="flex flex-wrap items-center gap-x-3">
            <strong data-testid="outbox-count">{t("waitingCount", { count: waiting.length })}</strong>
            {outbox.online ? (
              <button type="button" onClick={outbox.flush} className="min-h-10 underline">{t("sendNow")}</button>
            ) : (
              <span>{t("sendsWhenOnline")}</span>
            )}
          </p>
        ) : null}
        {attention.length > 0 ? (
          <ul className="space-y-1">
            {attention.map((entry) => (
              <li key={entry.key}>
                <Link href={entry.href} className="font-medium underline">{entry.label}</Link>: {t(`status.${entry.status}`)}
                {entry.message ? <span> ({entry.message})</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
