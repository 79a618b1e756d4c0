/**
 * The catalogue namespaces that client components read. Only these travel to
 * the browser with every page; the rest (the dashboard's, the help page's…)
 * are used on the server alone, and sending them would weigh on every page of
 * an old phone. tests/unit/message-catalogues.test.ts fails when a client
 * component reads a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  // The activity form logs a team's day from a phone, offline too.
  "activities",
  "affiliations",
  // A campaign day's lines, typed by the ward or district.
  "campaignDay",
  "changePassword",
  "completeness",
  "entry",
  "errors",
  "exports",
  "grid",
  "importActivities",
  "importMembers",
  "importTeams",
  "importUnits",
  "importValues",
  "leaders",
  "memberRoles",
  // The queue of saves kept on the device: the bar on every page and the sign-out question.
  "outbox",
  "reorganise",
  "roles",
  // The entry form checks figures as the official types, with the rules' messages.
  "rules",
  "signIn",
  "targets",
  "teams",
  "tokens",
  "users",
] as const;

export function clientMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]])) as Partial<M>;
}
