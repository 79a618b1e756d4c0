"use client";

import { useTranslations } from "next-intl";
import { signOutOfServer } from "./auth-requests";
import { forgetUser, useOutbox } from "@/components/offline/offline-kit";
import { PAGE_CACHE } from "@/lib/offline/cache-names";

/**
 * Signing out on a shared phone leaves nothing of this user behind: it asks
 * first when saves are still waiting to be sent (they would be lost), then
 * removes the user's queue, drafts and kept pages from the device.
 */
export function SignOutButton({ label, className = "min-h-10 rounded border border-white/40 px-3 text-sm hover:bg-white/10" }: { label: string; className?: string }) {
  const t = useTranslations("outbox");
  const outbox = useOutbox();
  async function leave() {
    if (outbox) {
      const unsent = outbox.entries.length;
      if (unsent > 0 && !window.confirm(t("signOutConfirm", { count: unsent }))) return;
      await forgetUser(outbox.userId);
    } else {
      // Outside the signed-in pages (choosing a password): no queue, but no page is left kept either.
      await globalThis.caches?.delete(PAGE_CACHE).catch(() => false);
    }
    await signOutOfServer();
  }
  return (
    <button type="button" onClick={() => void leave()} className={className}>
      {label}
    </button>
  );
}
