-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('HOME_VISITS', 'CAMPAIGN_DAY', 'ONE_STOP_DUTY', 'TRAINING', 'COMMUNITY_MEETING', 'OTHER');

-- CreateTable
CREATE TABLE "activity" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "occurred_on" DATE NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "place" TEXT NOT NULL,
    "helped_vneid" INTEGER NOT NULL DEFAULT 0,
    "helped_signature" INTEGER NOT NULL DEFAULT 0,
    "helped_online_filing" INTEGER NOT NULL DEFAULT 0,
    "helped_cashless" INTEGER NOT NULL DEFAULT 0,
    "helped_bank_account" INTEGER NOT NULL DEFAULT 0,
    "helped_health_book" INTEGER NOT NULL DEFAULT 0,
    "helped_other" INTEGER NOT NULL DEFAULT 0,
    "procedures" INTEGER NOT NULL DEFAULT 0,
    "apps_installed" INTEGER NOT NULL DEFAULT 0,
    "attendees" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_member" (
    "activity_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,

    CONSTRAINT "activity_member_pkey" PRIMARY KEY ("activity_id","member_id")
);

-- CreateIndex
CREATE INDEX "activity_team_id_occurred_on_idx" ON "activity"("team_id", "occurred_on");

-- CreateIndex
CREATE INDEX "activity_occurred_on_idx" ON "activity"("occurred_on");

-- CreateIndex
CREATE INDEX "activity_member_member_id_idx" ON "activity_member"("member_id");

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_member" ADD CONSTRAINT "activity_member_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_member" ADD CONSTRAINT "activity_member_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "team_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the counts the rules allow (the forms and the import check them first; this keeps a
-- direct write from storing a negative or absurd count that would roll up into every level).
ALTER TABLE "activity" ADD CONSTRAINT "activity_counts_in_range" CHECK (
  "helped_vneid" BETWEEN 0 AND 10000 AND "helped_signature" BETWEEN 0 AND 10000 AND "helped_online_filing" BETWEEN 0 AND 10000
  AND "helped_cashless" BETWEEN 0 AND 10000 AND "helped_bank_account" BETWEEN 0 AND 10000 AND "helped_health_book" BETWEEN 0 AND 10000
  AND "helped_other" BETWEEN 0 AND 10000 AND "procedures" BETWEEN 0 AND 10000 AND "apps_installed" BETWEEN 0 AND 10000
  AND ("attendees" IS NULL OR "attendees" BETWEEN 0 AND 10000)
);
