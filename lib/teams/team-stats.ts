/** The teams below a unit as the committees read them: how many, how many members, how many trained, by affiliation and by age group. */
import { db } from "../db";

/** "Tóc bạc – đầu xanh": the committees pair older members with young ones, so age groups matter. */
export const AGE_GROUPS = ["under30", "from30to44", "from45to59", "from60", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface TeamStats {
  teams: number;
  members: number;
  trained: number;
  byAffiliation: { affiliation: string; members: number; trained: number }[];
  byAgeGroup: { ageGroup: AgeGroup; members: number }[];
}

/** Active teams and their active members below (and at) the given units taken together. */
export async function teamStats(rootIds: number[], year: number): Promise<TeamStats> {
  const empty: TeamStats = { teams: 0, members: 0, trained: 0, byAffiliation: [], byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, members: 0 })) };
  if (rootIds.length === 0) return empty;
  const [teams] = await db.$queryRaw<{ teams: bigint }[]>`
    SELECT count(*) AS teams FROM admin_unit_closure c JOIN team t ON t.unit_id = c.descendant_id AND t.active
    WHERE c.ancestor_id = ANY(${rootIds}::int[])`;
  const rows = await db.$queryRaw<{ affiliation: string; age_group: AgeGroup; members: bigint; trained: bigint }[]>`
    SELECT m.affiliation::text AS affiliation,
           CASE WHEN m.birth_year IS NULL THEN 'unknown'
                WHEN ${year}::int - m.birth_year < 30 THEN 'under30'
                WHEN ${year}::int - m.birth_year < 45 THEN 'from30to44'
                WHEN ${year}::int - m.birth_year < 60 THEN 'from45to59'
                ELSE 'from60' END AS age_group,
           count(*) AS members, count(*) FILTER (WHERE m.trained_on IS NOT NULL) AS trained
    FROM admin_unit_closure c
    JOIN team t ON t.unit_id = c.descendant_id AND t.active
    JOIN team_member m ON m.team_id = t.id AND m.active
    WHERE c.ancestor_id = ANY(${rootIds}::int[])
    GROUP BY 1, 2`;
  const affiliations = new Map<string, { members: number; trained: number }>();
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
    teams: Number(teams.teams),
    members: byAffiliation.reduce((sum, row) => sum + row.members, 0),
    trained: byAffiliation.reduce((sum, row) => sum + row.trained, 0),
    byAffiliation,
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, members: ages.get(ageGroup)! })),
  };
}
