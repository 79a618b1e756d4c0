import { getTranslations } from "next-intl/server";

export type GuideRole = "steering" | "ward" | "leader";

const STEPS: Record<GuideRole, readonly ("step1" | "step2" | "step3" | "step4" | "step5" | "step6" | "step7")[]> = {
  steering: ["step1", "step2", "step3", "step4", "step5", "step6", "step7"],
  ward: ["step1", "step2", "step3", "step4", "step5", "step6", "step7"],
  leader: ["step1", "step2", "step3", "step4", "step5"],
};

/** One role's main tasks as numbered steps, in the words the buttons use. */
export async function RoleGuide({ role, yours }: { role: GuideRole; yours: boolean }) {
  const t = await getTranslations(`help.${role}`);
  const help = await getTranslations("help");
  return (
    <section id={role} aria-labelledby={`${role}-title`} className={`scroll-mt-4 rounded-lg bg-white p-4 shadow-sm ${yours ? "border-2 border-brand-700" : "border border-slate-200"}`}>
      {yours && <p className="mb-1 text-sm font-semibold text-brand-700">{help("yours")}</p>}
      <h2 id={`${role}-title`} className="text-xl font-semibold text-brand-900">{t("title")}</h2>
      <p className="mb-3 text-slate-700">{t("lead")}</p>
      <ol className="list-decimal space-y-2 pl-6">
        {STEPS[role].map((step) => <li key={step}>{t(step)}</li>)}
      </ol>
    </section>
  );
}
