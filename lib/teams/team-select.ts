/** The fields that name and date a team, wherever a team is shown. */
export const TEAM_HEADER_SELECT = {
  id: true,
  code: true,
  name: true,
  active: true,
  foundedOn: true,
  foundingDecision: true,
} as const;
