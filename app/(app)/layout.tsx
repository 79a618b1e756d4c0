import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/layout/app-header";
import { OfflineKit } from "@/components/offline/offline-kit";
import { OutboxBar } from "@/components/offline/outbox-bar";

// Every page behind sign-in reads the database at request time.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <OfflineKit userId={user.id}>
      <AppHeader user={user} />
      <OutboxBar />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </OfflineKit>
  );
}
