-- AlterTable
ALTER TABLE "data_value" ADD COLUMN     "confirmed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "report_reminder" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "reminded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminded_by_id" INTEGER,
    "reminded_by" TEXT NOT NULL,

    CONSTRAINT "report_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_reminder_unit_id_period_id_idx" ON "report_reminder"("unit_id", "period_id");

-- AddForeignKey
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: only the channels the completeness page offers.
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_channel" CHECK ("channel" IN ('copy', 'sms', 'call'));

-- Hand-written: a unit has at most one active team (the committees count teams per group and
-- expect one). The forms and imports check it first; this index makes two writers racing
-- to create a group's team a refusal instead of two teams.
-- A database where such a race already happened keeps the unit's oldest active team; the others
-- are deactivated (never deleted: their members stay with them) and each is written to the audit
-- log, so the ward sees what to merge instead of the upgrade failing.
WITH extra AS (
  SELECT t.id, t.code, t.unit_id, first_value(t.code) OVER (PARTITION BY t.unit_id ORDER BY t.id) AS kept
  FROM "team" t WHERE t.active
), deactivated AS (
  UPDATE "team" t SET active = false, updated_at = now() FROM extra e WHERE e.id = t.id AND e.code <> e.kept RETURNING t.code, t.unit_id, e.kept
)
INSERT INTO "audit_log" (actor_name, action, entity_type, entity_id, unit_id, before, after, reason)
SELECT 'system', 'teams.deactivate', 'team', d.code, d.unit_id, '{"active": true}'::jsonb, jsonb_build_object('active', false, 'keptTeam', d.kept),
       'Một đơn vị chỉ có một tổ đang hoạt động / one active team per unit (migration 20261202135149)'
FROM deactivated d;
CREATE UNIQUE INDEX "team_one_active_per_unit" ON "team"("unit_id") WHERE "active";
