-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'WARD', 'RESIDENTIAL_GROUP');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('LEADER', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "Affiliation" AS ENUM ('PARTY_CELL', 'RESIDENTIAL_GROUP_HEAD', 'FATHERLAND_FRONT', 'WOMENS_UNION', 'VETERANS', 'YOUTH_UNION', 'STUDENT_VOLUNTEER', 'POLICE', 'TECH_COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "AggregationType" AS ENUM ('STOCK', 'FLOW');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'STEERING', 'WARD_OFFICIAL', 'TEAM_LEADER');

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE NOT NULL DEFAULT '2020-01-01'::date,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_unit_closure" (
    "ancestor_id" INTEGER NOT NULL,
    "descendant_id" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,

    CONSTRAINT "admin_unit_closure_pkey" PRIMARY KEY ("ancestor_id","descendant_id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "founded_on" DATE,
    "founding_decision" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_member" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "full_name" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'MEMBER',
    "affiliation" "Affiliation" NOT NULL DEFAULT 'OTHER',
    "birth_year" INTEGER,
    "gender" "Gender",
    "phone" TEXT,
    "trained_on" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_element" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description" TEXT,
    "aggregation" "AggregationType" NOT NULL,
    "collection_level" "UnitLevel" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "data_element_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description" TEXT,
    "numerator_element_id" INTEGER NOT NULL,
    "denominator_element_id" INTEGER NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '%',
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "period" (
    "id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,

    CONSTRAINT "period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_value" (
    "id" BIGSERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "element_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "unit_id" INTEGER,
    "from_period_id" INTEGER,
    "to_period_id" INTEGER,
    "value" DECIMAL(6,5) NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT,
    "set_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scope_unit_id" INTEGER,
    "team_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "unit_id" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_code_key" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_parent_id_idx" ON "admin_unit"("parent_id");

-- CreateIndex
CREATE INDEX "admin_unit_level_idx" ON "admin_unit"("level");

-- CreateIndex
CREATE INDEX "admin_unit_closure_descendant_id_depth_idx" ON "admin_unit_closure"("descendant_id", "depth");

-- CreateIndex
CREATE UNIQUE INDEX "team_code_key" ON "team"("code");

-- CreateIndex
CREATE INDEX "team_unit_id_idx" ON "team"("unit_id");

-- CreateIndex
CREATE INDEX "team_member_team_id_idx" ON "team_member"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "data_element_code_key" ON "data_element"("code");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "period_year_month_key" ON "period"("year", "month");

-- CreateIndex
CREATE INDEX "data_value_period_id_element_id_idx" ON "data_value"("period_id", "element_id");

-- CreateIndex
CREATE UNIQUE INDEX "data_value_unit_id_period_id_element_id_key" ON "data_value"("unit_id", "period_id", "element_id");

-- CreateIndex
CREATE INDEX "target_indicator_id_unit_id_idx" ON "target"("indicator_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_unit_id_at_idx" ON "audit_log"("unit_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_closure" ADD CONSTRAINT "admin_unit_closure_ancestor_id_fkey" FOREIGN KEY ("ancestor_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_closure" ADD CONSTRAINT "admin_unit_closure_descendant_id_fkey" FOREIGN KEY ("descendant_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_numerator_element_id_fkey" FOREIGN KEY ("numerator_element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_denominator_element_id_fkey" FOREIGN KEY ("denominator_element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_element_id_fkey" FOREIGN KEY ("element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_set_by_id_fkey" FOREIGN KEY ("set_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written below: what Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------

-- Vietnamese text is stored in Unicode NFC, so that "Hòa" typed on a phone (often
-- NFD) and "Hòa" from an import compare equal. The application normalises;
-- these checks make sure nothing bypasses it.
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_name_nfc" CHECK ("name" IS NFC NORMALIZED AND "kind" IS NFC NORMALIZED);
ALTER TABLE "team" ADD CONSTRAINT "team_name_nfc" CHECK ("name" IS NFC NORMALIZED);
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_full_name_nfc" CHECK ("full_name" IS NFC NORMALIZED);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_full_name_nfc" CHECK ("full_name" IS NFC NORMALIZED);
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_non_negative" CHECK ("value" >= 0);
ALTER TABLE "target" ADD CONSTRAINT "target_value_ratio" CHECK ("value" >= 0 AND "value" <= 1);
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");

-- The closure table follows parent_id through triggers, so no code path can
-- insert or move a unit and forget it.
CREATE FUNCTION admin_unit_closure_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO admin_unit_closure (ancestor_id, descendant_id, depth)
  SELECT ancestor_id, NEW.id, depth + 1 FROM admin_unit_closure WHERE descendant_id = NEW.parent_id
  UNION ALL
  SELECT NEW.id, NEW.id, 0;
  RETURN NULL;
END $$;

CREATE TRIGGER admin_unit_closure_insert AFTER INSERT ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION admin_unit_closure_on_insert();

CREATE FUNCTION admin_unit_closure_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
    RETURN NULL;
  END IF;
  IF NEW.parent_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM admin_unit_closure WHERE ancestor_id = NEW.id AND descendant_id = NEW.parent_id
  ) THEN
    RAISE EXCEPTION 'moving unit % under % would create a cycle', NEW.id, NEW.parent_id
      USING ERRCODE = 'check_violation';
  END IF;
  -- Detach the moved subtree from every ancestor strictly above the moved unit.
  DELETE FROM admin_unit_closure link
  USING admin_unit_closure sub, admin_unit_closure sup
  WHERE sub.ancestor_id = NEW.id
    AND link.descendant_id = sub.descendant_id
    AND sup.descendant_id = NEW.id
    AND sup.ancestor_id <> NEW.id
    AND link.ancestor_id = sup.ancestor_id;
  -- Attach it under the new parent's ancestors.
  INSERT INTO admin_unit_closure (ancestor_id, descendant_id, depth)
  SELECT sup.ancestor_id, sub.descendant_id, sup.depth + sub.depth + 1
  FROM admin_unit_closure sup, admin_unit_closure sub
  WHERE sup.descendant_id = NEW.parent_id AND sub.ancestor_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER admin_unit_closure_move AFTER UPDATE OF parent_id ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION admin_unit_closure_on_move();

-- The calendar of months, 2015 to 2040; id = yyyymm.
INSERT INTO "period" ("id", "year", "month", "starts_on", "ends_on")
SELECT EXTRACT(YEAR FROM m)::int * 100 + EXTRACT(MONTH FROM m)::int,
       EXTRACT(YEAR FROM m)::int,
       EXTRACT(MONTH FROM m)::int,
       m::date,
       (m + INTERVAL '1 month' - INTERVAL '1 day')::date
FROM generate_series(DATE '2015-01-01', DATE '2040-12-01', INTERVAL '1 month') AS m;
