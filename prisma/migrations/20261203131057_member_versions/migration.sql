-- AlterTable
ALTER TABLE "team_member" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "write_request" (
    "id" UUID NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "write_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "write_request_created_at_idx" ON "write_request"("created_at");
