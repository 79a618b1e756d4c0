"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, className = "min-h-10 rounded border border-white/40 px-3 text-sm hover:bg-white/10" }: { label: string; className?: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className={className}
    >
      {label}
    </button>
  );
}
