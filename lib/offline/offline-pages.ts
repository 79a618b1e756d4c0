/**
 * The pages a user needs to report with no connection, which the service
 * worker fetches ahead once they are signed in (lib/offline/sw.ts): the home
 * page, and for whoever enters figures their unit's page and the forms of this
 * month and last month of the units they report for. Only pages the user may open are listed, and
 * the worker fetches them with the user's own session, so nothing is cached
 * that the user could not see.
 */
import "server-only";
import { db } from "../db";
import { roleAllows } from "../auth/policy";
import type { SessionUser } from "../auth/session";
import { addMonths, periodCode, periodOfDate } from "../periods";
import { ownGroupOf } from "../teams/own-group";
import { findChildren } from "../units/tree-queries";

/** A ward of 60 groups keeps its two months; beyond that the pages opened online are still kept. */
const MOST_PAGES = 130;

export async function offlinePagesOf(user: SessionUser, now = new Date()): Promise<string[]> {
  const months = [periodCode(periodOfDate(now)), periodCode(addMonths(periodOfDate(now), -1))];
  const entry = (code: string, month: string) => `/entry/${encodeURIComponent(code)}/${month}`;
  const pages = ["/"];
  const ownGroup = await ownGroupOf(user);
  if (ownGroup) {
    pages.push(...months.map((month) => entry(ownGroup.unit.code, month)), `/teams/${encodeURIComponent(ownGroup.teamCode)}`, `/teams/${encodeURIComponent(ownGroup.teamCode)}/activities/new`, `/units/${encodeURIComponent(ownGroup.unit.code)}`);
  } else if (roleAllows(user.role, "values.ward") && user.scopeUnitId !== null) {
    const ward = await db.adminUnit.findUnique({ where: { id: user.scopeUnitId }, select: { id: true, code: true, level: true, validTo: true } });
    if (ward && ward.level === "WARD" && ward.validTo === null) {
      const groups = await findChildren(ward.id);
      pages.push(`/units/${encodeURIComponent(ward.code)}`);
      for (const month of months) {
        pages.push(`/units/${encodeURIComponent(ward.code)}/month/${month}`, entry(ward.code, month));
        pages.push(...groups.map((group) => entry(group.code, month)));
      }
    }
  }
  return pages.slice(0, MOST_PAGES);
}
