"use client";

import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/**
 * The phone's folded menu: a plain <details>, so it opens without JavaScript.
 * The header stays on screen across client-side navigation, so the menu
 * closes itself when a link in it is followed or the page changes; left open,
 * it would cover the page the user asked for.
 */
export function MenuFold({ label, className, children }: { label: string; className: string; children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={menu}
      className={className}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a") && menu.current) menu.current.open = false;
      }}
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded border border-white/40 px-3 font-semibold [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-xl leading-none">☰</span>
        {label}
      </summary>
      {children}
    </details>
  );
}
