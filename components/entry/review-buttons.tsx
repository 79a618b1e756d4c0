"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { reviewReportAction } from "@/app/(app)/entry/actions";

/** Approve a submitted report, or reopen one with a reason, for a steering committee member. */
export function ReviewButtons({ unitCode, period, status, action }: { unitCode: string; period: string; status: string; action: typeof reviewReportAction }) {
  const t = useTranslations("completeness");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(step: "approve" | "reopen") {
    setPending(true);
    setMessage(null);
    try {
      const result = await action({ unitCode, period, step, reason });
      if (result.ok) router.refresh();
      else setMessage(result.message);
    } catch {
      setMessage(t("offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-1">
      {status === "SUBMITTED" && (
        <button type="button" disabled={pending} onClick={() => run("approve")} className="min-h-10 rounded-md bg-brand-700 px-3 text-sm font-semibold text-white disabled:opacity-60">
          {t("approve")}
        </button>
      )}
      {status !== "DRAFT" && (
        <div className="flex flex-wrap gap-1">
          <label className="sr-only" htmlFor={`reason-${unitCode}`}>{t("reopenReason")}</label>
          <input id={`reason-${unitCode}`} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t("reopenReason")} className="min-h-10 flex-1 rounded-md border border-slate-400 px-2 text-sm" />
          <button type="button" disabled={pending} onClick={() => run("reopen")} className="min-h-10 rounded-md border border-slate-400 px-3 text-sm disabled:opacity-60">
            {t("reopen")}
          </button>
        </div>
      )}
      {message && <p role="alert" className="text-sm text-red-700">{message}</p>}
    </div>
  );
}
