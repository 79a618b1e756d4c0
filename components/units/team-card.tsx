import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Affiliation, MemberRole } from "@/lib/generated/prisma/enums";
import { ScrollBox } from "@/components/ui/scroll-box";

export interface TeamCardData {
  code: string;
  name: string;
  active: boolean;
  foundedOn: Date | null;
  foundingDecision: string | null;
  members: { id: number; fullName: string; role: MemberRole; affiliation: Affiliation; trainedOn: Date | null; phone: string | null; birthYear: number | null }[];
}

export async function TeamCard({ team }: { team: TeamCardData }) {
  const t = await getTranslations("units");
  const roles = await getTranslations("memberRoles");
  const affiliations = await getTranslations("affiliations");
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, "date");
  return (
    <section className="rounded-md bg-white p-4 shadow-sm" aria-labelledby={`team-${team.code}`}>
      <h3 id={`team-${team.code}`} className="font-semibold">
        <Link href={`/teams/${encodeURIComponent(team.code)}`} className="text-brand-700 underline-offset-2 hover:underline">{team.name}</Link>
        {!team.active && <span className="ml-2 rounded bg-slate-200 px-2 text-sm">{t("inactive")}</span>}
      </h3>
      <p className="text-sm text-slate-700">
        {[team.foundedOn && t("foundedOn", { date: date(team.foundedOn) }), team.foundingDecision && t("decision", { ref: team.foundingDecision }), t("members", { count: team.members.length })]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <ScrollBox label={team.name} className="mt-2">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-2">{t("memberName")}</th>
              <th scope="col" className="py-1 pr-2">{t("memberRole")}</th>
              <th scope="col" className="py-1 pr-2">{t("memberAffiliation")}</th>
              <th scope="col" className="py-1 pr-2">{t("memberBirthYear")}</th>
              <th scope="col" className="py-1 pr-2">{t("memberPhone")}</th>
              <th scope="col" className="py-1">{t("memberTrained")}</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.id} className="border-b border-slate-100">
                <td className="py-1 pr-2">{member.fullName}</td>
                <td className="py-1 pr-2">{roles(member.role)}</td>
                <td className="py-1 pr-2">{affiliations(member.affiliation)}</td>
                <td className="py-1 pr-2 tabular-nums">{member.birthYear ?? "–"}</td>
                <td className="py-1 pr-2 tabular-nums">{member.phone ? <a href={`tel:${member.phone}`} className="text-brand-700 underline">{member.phone}</a> : "–"}</td>
                <td className="py-1">{member.trainedOn ? date(member.trainedOn) : t("notTrained")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
