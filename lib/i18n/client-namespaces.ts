/**
 * Which catalogue messages travel to the browser. A page carries, in its
 * React Server Components payload, the messages of the client components it
 * renders and no others: the whole client catalogue is 44 KB, and sent with
 * every page it weighed more than a dashboard's figures on an old phone.
 * Server components read the catalogue on the server and send only the words.
 *
 * The root layout sends CORE_NAMESPACES (the outbox bar and the sign-out
 * question on every page, the error boundary's words); a route segment whose
 * client components read more wraps its pages in <ClientMessages namespaces={…}>
 * in its layout, or a page its own content where pages below it send their own:
 * every provider's messages travel, even those a nested one replaces
 * (components/ui/client-messages.tsx).
 * tests/unit/message-catalogues.test.ts follows each route file's imports and
 * fails when a client component it renders reads a namespace not sent there.
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

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/** Sent with every page, by the root layout. */
export const CORE_NAMESPACES: readonly ClientNamespace[] = ["outbox", "errors"];

/**
 * Of "errors" (a hundred server messages), the browser reads only these: the error
 * boundary's two and a form's save that met no network. The server's refusals
 * arrive already worded.
 */
export const CLIENT_ERROR_KEYS = ["generic", "retry", "network"] as const;

export function clientMessages(messages: Record<string, unknown>, namespaces: readonly ClientNamespace[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of new Set([...CORE_NAMESPACES, ...namespaces])) {
    const value = messages[name];
    if (value === undefined) continue;
    picked[name] = name === "errors" ? Object.fromEntries(CLIENT_ERROR_KEYS.map((key) => [key, (value as Record<string, unknown>)[key]])) : value;
  }
  return picked;
}
