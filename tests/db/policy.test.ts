/**
 * The policy test that cannot be forgotten. It finds every server action and
 * every route handler in app/ by reading the source, so an action or route
 * added without an entry here fails. Each action then runs for every role,
 * once on a target inside the user's scope and once outside it, against a
 * real database; the expected outcome comes from the policy table.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/authorize";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { seedDatabase } from "@/prisma/seed/seed";
import { issueApiToken, revokeApiToken } from "@/lib/api/api-tokens";
import { POLICY, roleAllows, type Operation } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import type { DefinedAction } from "@/lib/auth/define-action";
import type { Role } from "@/lib/generated/prisma/enums";

const ROOT = path.resolve(__dirname, "../..");
const ROLES: Role[] = ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"];
const PASSWORD = "Mật khẩu thử nghiệm 2026";

/** An ACTION_CASES key names the action, and after a space what the case tries when one action has several ("#saveMemberAction (an edit)"). */
const actionOf = (key: string) => key.split(" ")[0];

/** Actions open to anyone, with the reason; nothing else may skip defineAction. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "app/actions/set-locale.ts#setLocale": "sets the caller's language cookie, and only the caller's own preference when signed in",
};
/** Read-API routes, called with each role's token on a unit inside and outside its scope. */
const ROUTE_CASES: Record<string, { path: (code: string) => string; inside?: string; outside?: string; operation?: Operation }> = {
  "app/api/v1/units/[code]/indicators/route.ts": { path: (code) => `/api/v1/units/${code}/indicators` },
  "app/api/v1/units/[code]/children/indicators/route.ts": { path: (code) => `/api/v1/units/${code}/children/indicators` },
  "app/api/v1/units/[code]/activities/route.ts": { path: (code) => `/api/v1/units/${code}/activities` },
  "app/api/v1/units/[code]/recognition.xlsx/route.ts": { path: (code) => `/api/v1/units/${code}/recognition.xlsx` },
  "app/api/v1/units/[code]/recognition.pdf/route.ts": { path: (code) => `/api/v1/units/${code}/recognition.pdf` },
  "app/api/v1/units/[code]/report.xlsx/route.ts": { path: (code) => `/api/v1/units/${code}/report.xlsx` },
  "app/api/v1/units/[code]/report.csv/route.ts": { path: (code) => `/api/v1/units/${code}/report.csv` },
  "app/api/v1/units/[code]/report.pdf/route.ts": { path: (code) => `/api/v1/units/${code}/report.pdf` },
  // The ward's workbook is for those who enter the ward's month: others inside the scope are refused (403).
  "app/api/v1/units/[code]/workbook.xlsx/route.ts": { path: (code) => `/api/v1/units/${code}/workbook.xlsx`, inside: "C", outside: "Z1", operation: "values.ward" },
};
/**
 * Routes for the signed-in app itself, reached with the session cookie only (a
 * bearer token reads, never writes): each write route runs a server action
 * that ACTION_CASES above tries for every role and scope; a read says why it
 * is safe.
 */
const SESSION_ROUTES: Record<string, { writes: string } | { reads: string }> = {
  "app/api/v1/units/[code]/reports/[period]/route.ts": { writes: "app/(app)/entry/actions.ts#saveReportAction" },
  "app/api/v1/teams/[code]/members/route.ts": { writes: "app/(app)/teams/actions.ts#saveMemberAction" },
  "app/api/v1/teams/[code]/activities/route.ts": { writes: "app/(app)/teams/actions.ts#saveActivityAction" },
  "app/api/v1/me/offline-pages/route.ts": { reads: "the signed-in user's own pages to keep offline, from their scope (tests/db/offline-pages.test.ts)" },
  "app/manifest.webmanifest/route.ts": { reads: "the web app manifest: the app's name in the reader's language, nothing personal" },
  "app/serwist/[path]/route.ts": { reads: "the service worker script, the same for everyone" },
};
/** Route handlers open to anyone, with the reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's sign-in endpoints, protected by its CSRF token and the sign-in throttle",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const appFiles = sourceFiles(path.join(ROOT, "app")).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));
const actionFiles = appFiles.filter(({ text }) => /^\s*["']use server["']/.test(text));
const routeFiles = appFiles.filter(({ file }) => /(^|\/)route\.ts$/.test(file));

interface FoundAction {
  key: string;
  file: string;
  name: string;
  operation: string | null;
}

const foundActions: FoundAction[] = actionFiles.flatMap(({ file, text }) => {
  const exports = [...text.matchAll(/^export\s+(?:const|async\s+function|function|let|var)\s+(\w+)/gm)].map((match) => match[1]);
  return exports.map((name) => {
    const operation = new RegExp(`export const ${name} = defineAction\\(\\s*"([\\w.]+)"`).exec(text)?.[1] ?? null;
    return { key: `${file}#${name}`, file, name, operation };
  });
});

interface Context {
  units: Record<string, number>;
  users: Record<Role, SessionUser>;
  targetInScope: number;
  targetOutOfScope: number;
  memberInScope: number;
  memberOutOfScope: number;
}

type Case = (ctx: Context, role: Role) => unknown[] | Promise<unknown[]>;
const form = (entries: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

/** For each action: arguments aimed inside the user's scope, and (unless the operation has no unit) outside it. */
const MEMBER = { fullName: "Nguyễn Thị Lan", role: "MEMBER", affiliation: "WOMENS_UNION", birthYear: "1970", gender: "FEMALE", phone: "0905123456", trainedOn: "" };

const ACTIVITY = { occurredOn: new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10), kind: "HOME_VISITS", place: "Kiệt 3", helpedVneid: "2", memberIds: [] };

/** A record of this day on the team, logged by the role's own user. */
async function activityBy(ctx: Context, role: Role, teamCode: string): Promise<number> {
  const team = await db.team.findUniqueOrThrow({ where: { code: teamCode } });
  const user = ctx.users[role];
  return (await db.activity.create({ data: { teamId: team.id, unitId: team.unitId, occurredOn: new Date(`${ACTIVITY.occurredOn}T00:00:00Z`), kind: "HOME_VISITS", place: "Kiệt 3", createdById: user.id, createdBy: user.username } })).id;
}

/** A merge of residential groups from the first day of this month. */
const reorganisation = (sourceCodes: string[], into: string) =>
  JSON.stringify({ kind: "MERGE", effectiveOn: `${new Date().toISOString().slice(0, 7)}-01`, reason: "Kiểm thử phân quyền", decisionRef: "01/QĐ-TEST", sourceCodes, into: { existingCode: into } });

/** The team the in-scope member is in now, and the other team of the same ward. */
async function memberTeams(ctx: Context): Promise<{ current: string; other: string }> {
  const member = await db.teamMember.findUniqueOrThrow({ where: { id: ctx.memberInScope }, select: { team: { select: { code: true } } } });
  return { current: member.team.code, other: member.team.code === "T-D1" ? "T-D2" : "T-D1" };
}

/**
 * For each action: arguments aimed inside the user's scope, and (unless the
 * operation has no unit) outside it. `insideOverride` states where the policy
 * table alone does not say it: a team leader keeps only their own team's list,
 * so cannot move a member to another team.
 */
const ACTION_CASES: Record<string, { inScope: Case; outOfScope?: Case; insideOverride?: Partial<Record<Role, boolean>> }> = {
  // A preview: the change runs in a transaction that is rolled back, so the matrix writes nothing.
  "app/(app)/admin/reorganise/actions.ts#reorganiseAction": {
    inScope: () => [null, form({ intent: "preview", payload: reorganisation(["D1"], "D2") })],
    outOfScope: () => [null, form({ intent: "preview", payload: reorganisation(["Z11"], "D2") })],
  },
  // A lookup: the scope is in its query (units outside it are never found: search-registry.test.ts), so only the role decides.
  "app/(app)/admin/reorganise/actions.ts#findUnitsAction": {
    inScope: () => ["Thôn D1"],
  },
  "app/(app)/admin/units/import/actions.ts#importUnitsAction": {
    // Re-importing a unit exactly as it is: allowed means "nothing to change", never a write.
    inScope: () => [null, form({ file: new File(["code,name,level,kind,parent_code\nA,Tỉnh A,PROVINCE,Tỉnh,\n"], "units.csv", { type: "text/csv" }) })],
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    inScope: (_ctx, role) => [null, form({ username: `new.${role.toLowerCase()}.in`, fullName: "Người Dùng Mới", role: "TEAM_LEADER", scopeUnitCode: "D2" })],
    outOfScope: (_ctx, role) => [null, form({ username: `new.${role.toLowerCase()}.out`, fullName: "Người Dùng Mới", role: "TEAM_LEADER", scopeUnitCode: "Z11" })],
  },
  "app/(app)/admin/users/actions.ts#resetPasswordAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope) })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope) })],
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope), active: "true" })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope), active: "true" })],
  },
  "app/(app)/admin/users/actions.ts#changeUserScopeAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope), role: "TEAM_LEADER", scopeUnitCode: "D2" })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope), role: "TEAM_LEADER", scopeUnitCode: "Z11" })],
  },
  "app/(app)/entry/actions.ts#saveReportAction": {
    inScope: async (_ctx, role) => [await saveInput("D1", monthFor(role, 1))],
    outOfScope: async (_ctx, role) => [await saveInput("Z11", monthFor(role, 1))],
  },
  "app/(app)/entry/actions.ts#submitReportAction": {
    inScope: async (_ctx, role) => [await prepareReport("D1", monthFor(role, 2), "DRAFT")],
    outOfScope: async (_ctx, role) => [await prepareReport("Z11", monthFor(role, 2), "DRAFT")],
  },
  "app/(app)/entry/actions.ts#saveWardGridAction": {
    inScope: async (_ctx, role) => [{ wardCode: "C", period: monthFor(role, 1), rows: [{ ...(await saveInput("D2", monthFor(role, 1))), values: { PEOPLE: "130" } }] }],
    outOfScope: async (_ctx, role) => [{ wardCode: "Z1", period: monthFor(role, 1), rows: [{ ...(await saveInput("Z11", monthFor(role, 1))), values: { PEOPLE: "130" } }] }],
  },
  "app/(app)/entry/actions.ts#remindGroupAction": {
    inScope: (_ctx, role) => [{ unitCode: "D2", period: monthFor(role, 1), channel: "copy" }],
    outOfScope: (_ctx, role) => [{ unitCode: "Z11", period: monthFor(role, 1), channel: "copy" }],
  },
  "app/(app)/entry/actions.ts#importWorkbookAction": {
    // A check without commit, of a workbook in the wide layout held to its ward and month.
    inScope: () => [null, form({ file: new File(["unit_code,period,unit_name,PEOPLE\nD2,2024-01,Thôn D2,100\n"], "w.csv"), commit: "false", wardCode: "C", period: "2024-01" })],
    outOfScope: () => [null, form({ file: new File(["unit_code,period,unit_name,PEOPLE\nZ11,2024-01,Thôn Z11,100\n"], "w.csv"), commit: "false", wardCode: "Z1", period: "2024-01" })],
  },
  "app/(app)/units/[code]/leaders/actions.ts#createLeaderAccountsAction": {
    // A fresh group and team per role and side, so each run creates that team's first account.
    inScope: async (_ctx, role) => [null, form({ wardCode: "C", teamCode: await freshTeam("C", `${role}-LEAD-IN`) })],
    outOfScope: async (_ctx, role) => [null, form({ wardCode: "Z1", teamCode: await freshTeam("Z1", `${role}-LEAD-OUT`) })],
  },
  "app/(app)/units/[code]/leaders/actions.ts#resetLeaderPasswordAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope) })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope) })],
  },
  "app/(app)/units/[code]/leaders/actions.ts#setLeaderActiveAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope), active: "true" })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope), active: "true" })],
  },
  "app/(app)/teams/actions.ts#createMissingTeamsAction": {
    inScope: () => [null, form({ wardCode: "C" })],
    outOfScope: () => [null, form({ wardCode: "Z1" })],
  },
  "app/(app)/import/teams/actions.ts#importTeamsAction": {
    // A check without commit: allowed means the file passed every rule for this user's scope.
    inScope: () => [null, form({ file: new File(["team_code,unit_code,name,founded_on,decision\nT-D1,D1,Tổ CNS D1,,\n"], "t.csv"), commit: "false" })],
    outOfScope: () => [null, form({ file: new File(["team_code,unit_code,name,founded_on,decision\nT-Z11,Z11,Tổ CNS Z11,,\n"], "t.csv"), commit: "false" })],
  },
  "app/(app)/entry/actions.ts#reviewReportAction": {
    inScope: async (_ctx, role) => [{ ...(await prepareReport("D1", monthFor(role, 3), "SUBMITTED")), step: "approve" }],
    outOfScope: async (_ctx, role) => [{ ...(await prepareReport("Z11", monthFor(role, 3), "SUBMITTED")), step: "approve" }],
  },
  "app/(app)/import/actions.ts#importValuesAction": {
    // A check without commit: allowed means the file passed every rule for this user's scope.
    inScope: () => [null, form({ file: new File(["unit_code,period,element_code,value\nD1,2024-01,PEOPLE,100\n"], "v.csv"), commit: "false" })],
    outOfScope: () => [null, form({ file: new File(["unit_code,period,element_code,value\nZ11,2024-01,PEOPLE,100\n"], "v.csv"), commit: "false" })],
  },
  "app/(app)/import/activities/actions.ts#importActivitiesAction": {
    // A check without commit: allowed means every row passed the one-record form's rules and permission.
    inScope: () => [null, form({ file: new File([`team_code,date,kind,place,helped_vneid,helped_signature,helped_online_filing,helped_cashless,helped_bank_account,helped_health_book,helped_other,procedures,apps_installed,attendees\nT-D1,${ACTIVITY.occurredOn},HOME_VISITS,Kiệt 3,2,,,,,,,,,\n`], "a.csv"), commit: "false" })],
    outOfScope: () => [null, form({ file: new File([`team_code,date,kind,place,helped_vneid,helped_signature,helped_online_filing,helped_cashless,helped_bank_account,helped_health_book,helped_other,procedures,apps_installed,attendees\nT-Z11,${ACTIVITY.occurredOn},HOME_VISITS,Kiệt 3,2,,,,,,,,,\n`], "a.csv"), commit: "false" })],
  },
  // A campaign day of the ward's teams, written: each allowed run logs one record.
  "app/(app)/units/[code]/campaign-day/actions.ts#campaignDayAction": {
    inScope: () => [{ unitCode: "C", occurredOn: ACTIVITY.occurredOn, place: "Sân UBND", requestId: crypto.randomUUID(), lines: [{ teamCode: "T-D1", helpedVneid: "3" }] }],
    outOfScope: () => [{ unitCode: "Z1", occurredOn: ACTIVITY.occurredOn, place: "Sân UBND", requestId: crypto.randomUUID(), lines: [{ teamCode: "T-Z11", helpedVneid: "3" }] }],
  },
  "app/(app)/import/members/actions.ts#importMembersAction": {
    // A check without commit: allowed means the file passed every rule for this user's scope.
    inScope: () => [null, form({ file: new File(["team_code,full_name,role,affiliation,birth_year,gender,phone,trained_on\nT-D1,Người Mới,,,,,,\n"], "m.csv"), commit: "false" })],
    outOfScope: () => [null, form({ file: new File(["team_code,full_name,role,affiliation,birth_year,gender,phone,trained_on\nT-Z11,Người Mới,,,,,,\n"], "m.csv"), commit: "false" })],
  },
  "app/(app)/teams/actions.ts#saveMemberAction": {
    inScope: (_ctx, role) => [{ ...MEMBER, fullName: `Thành viên mới ${role}`, teamCode: "T-D1", requestId: crypto.randomUUID() }],
    outOfScope: (_ctx, role) => [{ ...MEMBER, fullName: `Thành viên mới ${role}`, teamCode: "T-Z11", requestId: crypto.randomUUID() }],
  },
  "app/(app)/teams/actions.ts#saveMemberAction (an edit)": {
    inScope: (ctx) => [{ ...MEMBER, teamCode: "T-D1", memberId: ctx.memberInScope }],
    outOfScope: (ctx) => [{ ...MEMBER, teamCode: "T-Z11", memberId: ctx.memberOutOfScope }],
  },
  "app/(app)/teams/actions.ts#saveActivityAction": {
    inScope: () => [{ ...ACTIVITY, teamCode: "T-D1", requestId: crypto.randomUUID() }],
    outOfScope: () => [{ ...ACTIVITY, teamCode: "T-Z11", requestId: crypto.randomUUID() }],
  },
  // The user's own record of this week: its author may change it (the 7-day rule is tests/db/activities.test.ts).
  "app/(app)/teams/actions.ts#saveActivityAction (an edit)": {
    inScope: async (ctx, role) => [{ ...ACTIVITY, teamCode: "T-D1", activityId: await activityBy(ctx, role, "T-D1") }],
    outOfScope: async (ctx, role) => [{ ...ACTIVITY, teamCode: "T-Z11", activityId: await activityBy(ctx, role, "T-Z11") }],
  },
  "app/(app)/teams/actions.ts#setMemberActiveAction": {
    inScope: (ctx) => [null, form({ memberId: String(ctx.memberInScope), active: "true" })],
    outOfScope: (ctx) => [null, form({ memberId: String(ctx.memberOutOfScope), active: "true" })],
  },
  "app/(app)/teams/actions.ts#moveMemberAction": {
    inScope: async (ctx) => [null, form({ memberId: String(ctx.memberInScope), targetTeamCode: (await memberTeams(ctx)).other })],
    // Whichever team the member is in now (a national administrator may have moved it), one side lies outside the scope.
    outOfScope: async (ctx) => {
      const member = await db.teamMember.findUniqueOrThrow({ where: { id: ctx.memberOutOfScope }, select: { team: { select: { code: true } } } });
      return [null, form({ memberId: String(ctx.memberOutOfScope), targetTeamCode: member.team.code === "T-Z11" ? "T-D1" : "T-Z11" })];
    },
    insideOverride: { TEAM_LEADER: false },
  },
  "app/(app)/teams/actions.ts#createTeamAction": {
    // A fresh residential group per role and side, so each run sets up the group's first team.
    inScope: async (_ctx, role) => [null, form({ unitCode: await freshGroup("C", `${role}-IN`), name: "Tổ công nghệ số mới" })],
    outOfScope: async (_ctx, role) => [null, form({ unitCode: await freshGroup("Z1", `${role}-OUT`), name: "Tổ công nghệ số mới" })],
  },
  "app/(app)/teams/actions.ts#updateTeamAction": {
    inScope: () => [null, form({ teamCode: "T-D1", name: "Tổ CNS D1", foundedOn: "2023-03-01", foundingDecision: "2870/QĐ-UBND" })],
    outOfScope: () => [null, form({ teamCode: "T-Z11", name: "Tổ CNS Z11", foundedOn: "", foundingDecision: "" })],
  },
  "app/(app)/teams/actions.ts#setTeamActiveAction": {
    // Keeping an active team active: allowed means the check passed, with nothing to change.
    inScope: () => [null, form({ teamCode: "T-D1", active: "true", reason: "Kiểm tra quyền" })],
    outOfScope: () => [null, form({ teamCode: "T-Z11", active: "true", reason: "Kiểm tra quyền" })],
  },
  "app/(app)/admin/users/token-actions.ts#issueApiTokenAction": {
    inScope: (ctx) => [null, form({ userId: String(ctx.targetInScope), name: "Kiểm tra quyền" })],
    outOfScope: (ctx) => [null, form({ userId: String(ctx.targetOutOfScope), name: "Kiểm tra quyền" })],
  },
  "app/(app)/admin/users/token-actions.ts#revokeApiTokenAction": {
    inScope: async (ctx) => [null, form({ tokenId: String(await tokenFor(ctx.targetInScope)) })],
    outOfScope: async (ctx) => [null, form({ tokenId: String(await tokenFor(ctx.targetOutOfScope)) })],
  },
  "app/(app)/dashboard/[code]/targets/actions.ts#setTargetAction": {
    inScope: () => [null, form({ unitCode: "D1", indicatorCode: "DIGITAL_SIGNATURE_RATE", percent: "40", fromPeriod: "2026-01", toPeriod: "", reason: "Kiểm tra quyền", source: "" })],
    outOfScope: () => [null, form({ unitCode: "Z11", indicatorCode: "DIGITAL_SIGNATURE_RATE", percent: "40", fromPeriod: "2026-01", toPeriod: "", reason: "Kiểm tra quyền", source: "" })],
  },
  "app/(auth)/change-password/actions.ts#changeOwnPasswordAction": {
    // "self" operations have only one target: the user's own account.
    inScope: (_ctx, role) => {
      const next = `Câu mật khẩu mới số ${ROLES.indexOf(role) + 1} năm 2026`;
      return [null, form({ currentPassword: PASSWORD, newPassword: next, confirmPassword: next })];
    },
  },
};

/** A fresh token row for an account, made by the test itself. */
async function tokenFor(userId: number): Promise<number> {
  const token = await db.apiToken.create({ data: { userId, name: "t", tokenHash: crypto.randomUUID(), prefix: "tcns_x", createdBy: "test" } });
  return token.id;
}

/** A new residential group with its team under the given ward; returns the team's code. */
async function freshTeam(wardCode: string, suffix: string): Promise<string> {
  const code = await freshGroup(wardCode, suffix);
  const unit = await db.adminUnit.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return (await db.team.create({ data: { code: `T-${code}`, name: `Tổ CNS ${code}`, unitId: unit.id } })).code;
}

/** A new residential group under the given ward, created by the test itself. */
async function freshGroup(wardCode: string, suffix: string): Promise<string> {
  const ward = await db.adminUnit.findUniqueOrThrow({ where: { code: wardCode }, select: { id: true } });
  const code = `${wardCode}-NEW-${suffix}`;
  await db.adminUnit.create({ data: { code, name: `Thôn ${code}`, level: "RESIDENTIAL_GROUP", kind: "Thôn", parentId: ward.id } });
  return code;
}

/** A month of 2025 per role and case, so that each run starts from a report in a known state. */
const monthFor = (role: Role, slot: number) => `2025-${String(ROLES.indexOf(role) * 3 + slot).padStart(2, "0")}`;
const systemAdmin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };

async function currentVersion(unitCode: string, period: string): Promise<number> {
  const report = await db.periodReport.findFirst({
    where: { unit: { code: unitCode }, periodId: Number(period.replace("-", "")) },
    select: { version: true },
  });
  return report?.version ?? 0;
}

async function saveInput(unitCode: string, period: string) {
  return { unitCode, period, version: await currentVersion(unitCode, period), requestId: crypto.randomUUID(), values: { PEOPLE: "120" }, reasons: {} };
}

/** A report with one figure, in the given state, prepared by the system. */
async function prepareReport(unitCode: string, period: string, status: "DRAFT" | "SUBMITTED") {
  const saved = await savePeriodReport(systemAdmin, await saveInput(unitCode, period));
  if (!saved.ok) throw new Error(`could not prepare ${unitCode} ${period}: ${saved.message}`);
  if (status === "SUBMITTED") await changeReportStatus(systemAdmin, { unitCode, period, step: "submit" });
  return { unitCode, period };
}

async function buildWorld(): Promise<Context> {
  await seedDatabase(db, { demo: false });
  const units: Record<string, number> = {};
  const add = async (code: string, level: "PROVINCE" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP", kind: string, parent: string | null) => {
    units[code] = (await db.adminUnit.create({ data: { code, name: `${kind} ${code}`, level, kind, parentId: parent ? units[parent] : null } })).id;
  };
  await add("A", "PROVINCE", "Tỉnh", null);
  await add("B", "DISTRICT", "Huyện", "A");
  await add("C", "WARD", "Xã", "B");
  await add("D1", "RESIDENTIAL_GROUP", "Thôn", "C");
  await add("D2", "RESIDENTIAL_GROUP", "Thôn", "C");
  await add("Z", "PROVINCE", "Tỉnh", null);
  await add("Z1", "WARD", "Xã", "Z");
  await add("Z11", "RESIDENTIAL_GROUP", "Thôn", "Z1");
  const team = async (unit: string) => (await db.team.create({ data: { code: `T-${unit}`, name: `Tổ CNS ${unit}`, unitId: units[unit] } })).id;
  const teams = { D1: await team("D1"), D2: await team("D2"), Z11: await team("Z11") };

  const passwordHash = await hashPassword(PASSWORD);
  const account = async (username: string, role: Role, scope: string | null, teamId: number | null = null): Promise<SessionUser> => {
    const user = await db.user.create({
      data: { username, fullName: `Người ${username}`, role, scopeUnitId: scope ? units[scope] : null, teamId, passwordHash },
    });
    return { id: user.id, username, fullName: user.fullName, role, scopeUnitId: user.scopeUnitId, teamId, locale: "vi", mustChangePassword: false };
  };
  const users = {
    ADMIN: await account("quantri", "ADMIN", null),
    STEERING: await account("bcd.b", "STEERING", "B"),
    WARD_OFFICIAL: await account("canbo.c", "WARD_OFFICIAL", "C"),
    TEAM_LEADER: await account("totruong.d1", "TEAM_LEADER", "D1", teams.D1),
  };
  const targetInScope = (await account("totruong.d2", "TEAM_LEADER", "D2", teams.D2)).id;
  const targetOutOfScope = (await account("totruong.z11", "TEAM_LEADER", "Z11", teams.Z11)).id;
  const memberInScope = (await db.teamMember.create({ data: { teamId: teams.D1, fullName: "Thành Viên Trong" } })).id;
  const memberOutOfScope = (await db.teamMember.create({ data: { teamId: teams.Z11, fullName: "Thành Viên Ngoài" } })).id;
  return { units, users, targetInScope, targetOutOfScope, memberInScope, memberOutOfScope };
}

let world: Context;
beforeAll(async () => {
  world = await buildWorld();
});

describe("every server action and route is covered by the policy", () => {
  it("finds the actions and routes in the source", () => {
    expect(foundActions.length).toBeGreaterThanOrEqual(new Set(Object.keys(ACTION_CASES).map(actionOf)).size);
    expect(routeFiles.length).toBeGreaterThan(0);
  });

  it.each(foundActions.map((found) => [found.key, found] as const))("%s is built with defineAction and has policy cases (or is listed as public)", (_key, found) => {
    if (PUBLIC_ACTIONS[found.key]) return;
    expect({ action: found.key, operation: found.operation }).toEqual({ action: found.key, operation: expect.any(String) });
    expect(Object.keys(POLICY)).toContain(found.operation);
    expect(Object.keys(ACTION_CASES)).toContain(found.key);
  });

  it.each(routeFiles.map(({ file }) => [file]))("route %s is listed with its policy", (file) => {
    expect([...Object.keys(PUBLIC_ROUTES), ...Object.keys(ROUTE_CASES), ...Object.keys(SESSION_ROUTES)]).toContain(file);
  });

  it.each(Object.entries(SESSION_ROUTES))("session route %s runs a checked action or says why it is safe", (file, use) => {
    const text = appFiles.find((candidate) => candidate.file === file)?.text ?? "";
    if ("reads" in use) return expect(text).not.toMatch(/export (async )?function (POST|PUT|PATCH|DELETE)|export const (POST|PUT|PATCH|DELETE)/);
    const [actionFile, name] = use.writes.split("#");
    expect(Object.keys(ACTION_CASES)).toContain(use.writes);
    expect(text).toContain(`writeRoute(${name},`);
    expect(text).toContain(`from "@/${actionFile.replace(/\.ts$/, "")}"`);
  });

  it("has no stale entries for actions that no longer exist", () => {
    const keys = new Set(foundActions.map((found) => found.key));
    for (const key of [...Object.keys(ACTION_CASES), ...Object.keys(PUBLIC_ACTIONS)]) expect(keys).toContain(actionOf(key));
    for (const file of [...Object.keys(ROUTE_CASES), ...Object.keys(PUBLIC_ROUTES), ...Object.keys(SESSION_ROUTES)]) expect(routeFiles.map((route) => route.file)).toContain(file);
  });
});

describe("role × action × scope, run against the database", () => {
  const matrix = Object.entries(ACTION_CASES).flatMap(([key, cases]) =>
    ROLES.flatMap((role) => [
      [key, role, "inside", cases.inScope, cases.insideOverride?.[role]] as const,
      ...(cases.outOfScope ? [[key, role, "outside", cases.outOfScope, undefined] as const] : []),
    ]),
  );

  it.each(matrix)("%s as %s, target %s the scope", async (key, role, where, makeArgs, override) => {
    const [file, name] = actionOf(key).split("#");
    const imported = (await import(path.join(ROOT, file))) as Record<string, DefinedAction<unknown[], { ok: boolean }>>;
    const action = imported[name];
    const operation = action.operation;
    const user = world.users[role];
    const nationalAdmin = role === "ADMIN" && user.scopeUnitId === null;
    const expectedAllowed = override ?? (roleAllows(role, operation) && (where === "inside" || nationalAdmin));

    const auditBefore = await db.auditLog.count({ where: { action: "auth.denied" } });
    const result = (await action.runAs(user, ...(await makeArgs(world, role)))) as { ok: boolean; status?: number; message?: string };
    if (expectedAllowed) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      expect([403, 404]).toContain(result.status);
      expect(result.message).toMatch(/quyền|không tìm thấy|Không tìm thấy|không được|lỗi; chưa ghi/i);
      // A scope refusal (the role may act, the target is elsewhere) is written to the audit log.
      if (roleAllows(role, operation)) expect(await db.auditLog.count({ where: { action: "auth.denied" } })).toBe(auditBefore + 1);
    }
  });
});

describe("read-API routes: role × scope, with each user's bearer token", () => {
  const matrix = Object.keys(ROUTE_CASES).flatMap((file) => ROLES.flatMap((role) => [[file, role, "inside"] as const, [file, role, "outside"] as const]));
  const tokens = new Map<Role, string>();

  async function call(file: string, code: string, authorization?: string) {
    const route = (await import(path.join(ROOT, file))) as { GET: (request: Request, context: { params: Promise<{ code: string }> }) => Promise<Response> };
    const url = `http://localhost${ROUTE_CASES[file].path(code)}?period=2025-06`;
    return route.GET(new Request(url, { headers: authorization ? { authorization } : {} }), { params: Promise.resolve({ code }) });
  }

  it.each(matrix)("%s as %s, unit %s the scope", async (file, role, where) => {
    if (!tokens.has(role)) tokens.set(role, (await issueApiToken(systemAdmin, world.users[role].id, "policy test")).token);
    const route = ROUTE_CASES[file];
    const code = where === "inside" ? (route.inside ?? "D1") : (route.outside ?? "Z1");
    const response = await call(file, code, `Bearer ${tokens.get(role)}`);
    // A team leader's scope is their group: the ward above it is outside, as any other unit.
    const reachable = await can(world.users[role], "units.read", { unitId: world.units[code] });
    expect(reachable).toBe(where === "inside" ? code === "D1" || role !== "TEAM_LEADER" : role === "ADMIN");
    const expected = !reachable ? 404 : route.operation && !roleAllows(role, route.operation) ? 403 : 200;
    expect({ role, where, status: response.status }).toEqual({ role, where, status: expected });
    if (expected === 200 && !response.headers.get("content-type")?.includes("json")) {
      // A file: it arrives whole.
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      return;
    }
    const body = await response.json();
    if (expected === 200) expect(body.unit.code).toBe(where === "inside" ? "D1" : "Z1");
    else if (expected === 403) expect(body.error.message).toMatch(/quyền/);
    else expect(body.error.message).toMatch(/Không tìm thấy/);
  });

  it.each(Object.keys(ROUTE_CASES))("%s refuses a missing, malformed or revoked token with 401", async (file) => {
    const issued = await issueApiToken(systemAdmin, world.users.WARD_OFFICIAL.id, "to revoke");
    await revokeApiToken(systemAdmin, issued.id);
    for (const authorization of ["Bearer tcns_not-a-real-token", "Basic abc", `Bearer ${issued.token}`]) {
      expect((await call(file, ROUTE_CASES[file].inside ?? "D1", authorization)).status).toBe(401);
    }
  });
});

describe("the policy table itself: role × operation × scope", () => {
  const operations = Object.keys(POLICY) as Operation[];
  const cases = operations.flatMap((operation) => ROLES.map((role) => [operation, role] as const));

  it.each(cases)("%s as %s", async (operation, role) => {
    const user = { ...world.users[role], id: world.users[role].id };
    const rule = POLICY[operation];
    const teamId = async (code: string) => (await db.team.findUniqueOrThrow({ where: { code } })).id;
    const targets = {
      self: [{ userId: user.id }, { userId: world.targetOutOfScope }],
      global: [undefined, undefined],
      subtree: [{ unitId: world.units.D1 }, { unitId: world.units.Z11 }],
      team: [{ teamId: await teamId("T-D1") }, { teamId: await teamId("T-Z11") }],
      group: [{ unitId: world.units.D1 }, { unitId: world.units.Z11 }],
    } as const;
    const [inside, outside] = targets[rule.scope];
    const roleOk = rule.roles.includes(role);
    expect(await can(user, operation, inside)).toBe(roleOk);
    if (rule.scope !== "global") expect(await can(user, operation, outside)).toBe(roleOk && role === "ADMIN" && rule.scope !== "self");
  });

  it("lets a team leader keep only their own team's members, and a ward official every team of the ward", async () => {
    const teams = await db.team.findMany({ select: { id: true, code: true } });
    const team = (code: string) => ({ teamId: teams.find((entry) => entry.code === code)!.id });
    expect(await can(world.users.TEAM_LEADER, "members.write", team("T-D1"))).toBe(true);
    expect(await can(world.users.TEAM_LEADER, "members.write", team("T-D2"))).toBe(false);
    expect(await can(world.users.WARD_OFFICIAL, "members.write", team("T-D2"))).toBe(true);
    expect(await can(world.users.WARD_OFFICIAL, "members.write", team("T-Z11"))).toBe(false);
    expect(await can(world.users.STEERING, "members.write", team("T-D1"))).toBe(false);
  });

  it("lets a team leader enter only their own team's residential group, never the ward's figures or a neighbour's", async () => {
    const leader = world.users.TEAM_LEADER;
    expect(await can(leader, "values.write", { unitId: world.units.D1 })).toBe(true);
    expect(await can(leader, "values.write", { unitId: world.units.D2 })).toBe(false);
    expect(await can(leader, "values.write", { unitId: world.units.C })).toBe(false);
    // A leader of a commune-level team (scope: the ward) has no group of their own.
    const wardTeam = await db.team.create({ data: { code: "T-C", name: "Tổ CNS xã C", unitId: world.units.C } });
    const wardLeader = { ...leader, id: null, scopeUnitId: world.units.C, teamId: wardTeam.id };
    for (const unit of ["C", "D1", "D2"]) expect(await can(wardLeader, "values.write", { unitId: world.units[unit] })).toBe(false);
    // A deactivated team's leader enters nothing.
    await db.team.update({ where: { code: "T-D1" }, data: { active: false } });
    try {
      expect(await can(leader, "values.write", { unitId: world.units.D1 })).toBe(false);
    } finally {
      await db.team.update({ where: { code: "T-D1" }, data: { active: true } });
    }
    expect(await can(leader, "values.ward", { unitId: world.units.D1 })).toBe(false);
    expect(await can(world.users.WARD_OFFICIAL, "values.ward", { unitId: world.units.C })).toBe(true);
  });

  it("keeps steering committees from entering raw figures and ward officials from approving", async () => {
    expect(await can(world.users.STEERING, "values.write", { unitId: world.units.D1 })).toBe(false);
    expect(await can(world.users.STEERING, "reports.approve", { unitId: world.units.C })).toBe(true);
    expect(await can(world.users.WARD_OFFICIAL, "reports.approve", { unitId: world.units.C })).toBe(false);
    expect(await can(world.users.WARD_OFFICIAL, "values.write", { unitId: world.units.D2 })).toBe(true);
  });
});
