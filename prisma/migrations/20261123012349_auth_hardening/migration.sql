-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "created_by_id" INTEGER,
ADD COLUMN     "password_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "username" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_attempt_username_at_idx" ON "sign_in_attempt"("username", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_address_at_idx" ON "sign_in_attempt"("ip_address", "at");

-- CreateIndex
CREATE INDEX "app_user_scope_unit_id_idx" ON "app_user"("scope_unit_id");
