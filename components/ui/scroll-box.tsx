/**
 * A table's box that scrolls sideways on a narrow phone, so the page itself
 * never does. Focusable and named, so a keyboard can scroll it too and a
 * screen reader announces what it holds (WCAG 2.1.1).
 */
export function ScrollBox({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700 ${className}`}>
      {children}
    </div>
  );
}
