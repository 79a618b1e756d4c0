"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { drawAllCharts } from "./lazy-charts";

interface ExportLink {
  key: string;
  label: string;
  href: string;
}

/**
 * Download links that work without JavaScript; with it, the file is fetched
 * here so the user sees how much has arrived while a large export streams,
 * and a refusal shows its message instead of a broken download.
 */
export function ExportLinks({ links }: { links: ExportLink[] }) {
  const t = useTranslations("exports");
  const [status, setStatus] = useState<{ key: string; text: string; error?: boolean } | null>(null);

  async function download(event: React.MouseEvent<HTMLAnchorElement>, link: ExportLink) {
    event.preventDefault();
    if (status && !status.error && status.key !== "done") return;
    const started = Date.now();
    setStatus({ key: link.key, text: t("starting") });
    try {
      const response = await fetch(link.href);
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setStatus({ key: link.key, text: body?.error?.message ?? t("failed"), error: true });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setStatus({ key: link.key, text: t("progress", { size: (received / 1048576).toFixed(1).replace(".", ","), seconds: Math.round((Date.now() - started) / 1000) }) });
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name ? decodeURIComponent(name) : "bao-cao";
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ key: "done", text: t("done") });
    } catch {
      setStatus({ key: link.key, text: t("network"), error: true });
    }
  }

  return (
    <div className="print:hidden">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.key}>
            <a href={link.href} onClick={(event) => download(event, link)} className="inline-flex min-h-12 items-center rounded-md border border-brand-700 bg-white px-3 font-semibold text-brand-700 hover:bg-brand-50">
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => drawAllCharts().then(() => window.print())} className="inline-flex min-h-12 items-center rounded-md border border-slate-400 bg-white px-3 font-semibold">
            {t("print")}
          </button>
        </li>
      </ul>
      {status && (
        <p role={status.error ? "alert" : "status"} className={`mt-2 text-sm ${status.error ? "text-red-800" : "text-slate-700"}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
