-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'LOCKED');

-- CreateTable
CREATE TABLE "period_report" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by_id" INTEGER,
    "approved_at" TIMESTAMPTZ(3),
    "approved_by_id" INTEGER,
    "reopen_reason" TEXT,

    CONSTRAINT "period_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "save_request" (
    "id" UUID NOT NULL,
    "report_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "save_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "period_report_period_id_status_idx" ON "period_report"("period_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "period_report_unit_id_period_id_key" ON "period_report"("unit_id", "period_id");

-- CreateIndex
CREATE INDEX "save_request_created_at_idx" ON "save_request"("created_at");

-- AddForeignKey
ALTER TABLE "period_report" ADD CONSTRAINT "period_report_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "period_report" ADD CONSTRAINT "period_report_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
