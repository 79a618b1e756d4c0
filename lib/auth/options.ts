/** next-auth configuration: username and password, a signed JWT in an httpOnly, SameSite cookie. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, type AuthenticatedUser } from "./authenticate";

/** A working day; the user, role, scope and session version are re-read on every request anyway. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "";
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/** The language chosen on this device before signing in (the locale cookie). */
function chosenLocale(headers: Record<string, unknown> | undefined): string | undefined {
  const cookie = headers?.cookie;
  return typeof cookie === "string" ? /(?:^|;\s*)locale=([a-z]{2})(?:;|$)/.exec(cookie)?.[1] : undefined;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      authorize: (credentials, request) =>
        authenticate(credentials?.username, credentials?.password, clientAddress(request?.headers as Record<string, unknown>), chosenLocale(request?.headers as Record<string, unknown>)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as unknown as AuthenticatedUser).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid, sv: token.sv });
      return session;
    },
  },
};
