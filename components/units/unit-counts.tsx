import { getTranslations } from "next-intl/server";
import type { UnitCounts } from "@/lib/units/tree-queries";

/** "53 tổ dân phố/thôn · 53 tổ CNS · 385 thành viên", numbers in the reader's format. */
export async function UnitCountsLine({ counts }: { counts: UnitCounts }) {
  const t = await getTranslations("units");
  return (
    <span className="text-sm text-slate-700">
      {t("groups", { count: counts.residentialGroups })} · {t("teams", { count: counts.teams })} · {t("members", { count: counts.members })}
    </span>
  );
}
