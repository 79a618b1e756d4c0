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
CREATE UNIQUE INDEX "team_one_active_per_unit" ON "team"("unit_id") WHERE "active";
