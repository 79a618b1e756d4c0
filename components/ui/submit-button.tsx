export function SubmitButton({ pending, children, tone = "primary" }: { pending: boolean; children: React.ReactNode; tone?: "primary" | "secondary" | "danger" }) {
  const tones = {
    primary: "bg-brand-700 text-white hover:bg-brand-900",
    secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
    danger: "bg-red-700 text-white hover:bg-red-900",
  };
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`min-h-12 rounded-md px-4 font-semibold disabled:opacity-60 ${tones[tone]}`}>
      {children}
    </button>
  );
}
