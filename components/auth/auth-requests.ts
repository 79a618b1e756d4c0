/**
 * next-auth's documented REST exchanges, made as its browser client makes them (GET
 * /api/auth/csrf, then a form POST with `json: true`). Importing that client for two calls put
 * 7 KB of script on every page of an old phone; its signIn() also asked for the list of
 * providers first, one more round trip on a slow connection.
 */
async function csrfToken(): Promise<string> {
  return ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

function post(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
}

/** Signs in with a username and password; `error` is next-auth's (the credentials check's message, e.g. "THROTTLED:<time>"). */
export async function signInWithCredentials(username: string, password: string): Promise<{ ok: boolean; error: string | null }> {
  const response = await post("/api/auth/callback/credentials", { csrfToken: await csrfToken(), username, password, callbackUrl: window.location.href, json: "true" });
  const { url } = (await response.json()) as { url?: string };
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "CredentialsSignin";
  return { ok: response.ok && !error, error };
}

/** Ends the session, then opens the sign-in page. */
export async function signOutOfServer(): Promise<void> {
  await post("/api/auth/signout", { csrfToken: await csrfToken(), callbackUrl: "/sign-in", json: "true" });
  // A full load, as next-auth's signOut() does: nothing of the signed-out user's pages stays in memory.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.href = "/sign-in";
}
