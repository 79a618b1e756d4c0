/** The teams below a unit as the committees read them: how many, how many members, how many trained, by affiliation and by age group. */
import { db } from "../db";
import type { Affiliation } from "../generated/prisma/enums";

/** "Tóc bạc – đầu xanh": the committees pair older members with young ones, so age groups matter. */
export const AGE_GROUPS = ["under30", "from30to44", "from45to59", "from60", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface TeamStats {
  teams: number;
  members: number;
  trained: number;
  byAffiliation: { affiliation: Affiliation; members: number; trained: number }[];
  byAgeGroup: { ageGroup: AgeGroup; members: number }[];
}

/** Active teams and their active members below (and at) the given units taken together. */
export async function teamStats(rootIds: number[], year: number): Promise<TeamStats> {
  const empty: TeamStats = { teams: 0, members: 0, trained: 0, byAffiliation: [], byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, members: 0 })) };
  if (rootIds.length === 0) return empty;
  // Read from the roll-ups that triggers keep (rollup_units, rollup_members): at national
  // scale a walk over 600,000 members took hundreds of milliseconds for the root.
  const [teams] = await db.$queryRaw<{ teams: bigint | null }[]>`
    SELECT sum(teams) AS teams FROM rollup_units WHERE unit_id = ANY(${rootIds}::int[])`;
  const rows = await db.$queryRaw<{ affiliation: Affiliation; age_group: AgeGroup; members: bigint; trained: bigint }[]>`
    SELECT affiliation,
           CASE WHEN birth_year = 0 THEN 'unknown'
                WHEN ${year}::int - birth_year < 30 THEN 'under30'
                WHEN ${year}::int - birth_year < 45 THEN 'from30to44'
                WHEN ${year}::int - birth_year < 60 THEN 'from45to59'
                ELSE 'from60' END AS age_group,
           sum(members) AS members, coalesce(sum(members) FILTER (WHERE trained), 0) AS trained
    FROM rollup_members
    WHERE unit_id = ANY(${rootIds}::int[])
    GROUP BY 1, 2
    HAVING sum(members) > 0`;
  const affiliations = new Map<Affiliation, { members: number; trained: number }>();
  const ages = new Map<AgeGroup, number>(AGE_GROUPS.map((group) => [group, 0]));
  for (const row of rows) {
    const entry = affiliations.get(row.affiliation) ?? { members: 0, trained: 0 };
    entry.members += Number(row.members);
    entry.trained += Number(row.trained);
    affiliations.set(row.affiliation, entry);
    ages.set(row.age_group, (ages.get(row.age_group) ?? 0) + Number(row.members));
  }
  const byAffiliation = [...affiliations].map(([affiliation, counts]) => ({ affiliation, ...counts })).sort((a, b) => b.members - a.members);
  return {
    teams: Number(teams.teams ?? 0),
    members: byAffiliation.reduce((sum, row) => sum + row.members, 0),
    trained: byAffiliation.reduce((sum, row) => sum + row.trained, 0),
    byAffiliation,
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, members: ages.get(ageGroup)! })),
  };
}
