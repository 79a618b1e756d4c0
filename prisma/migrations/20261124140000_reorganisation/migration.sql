-- CreateEnum
CREATE TYPE "ReorganisationKind" AS ENUM ('RENAME', 'MOVE', 'MERGE', 'SPLIT', 'ABOLISH_LEVEL');

-- CreateTable
CREATE TABLE "reorganisation" (
    "id" SERIAL NOT NULL,
    "kind" "ReorganisationKind" NOT NULL,
    "effective_on" DATE NOT NULL,
    "effective_period" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "decision_ref" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "actor_id" INTEGER,
    "actor_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reorganisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_lineage" (
    "reorganisation_id" INTEGER NOT NULL,
    "from_unit_id" INTEGER NOT NULL,
    "to_unit_id" INTEGER NOT NULL,
    "weight" DECIMAL(7,6) NOT NULL,

    CONSTRAINT "unit_lineage_pkey" PRIMARY KEY ("reorganisation_id","from_unit_id","to_unit_id")
);

-- CreateTable
CREATE TABLE "unit_parent_history" (
    "unit_id" INTEGER NOT NULL,
    "until_period" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "reorganisation_id" INTEGER NOT NULL,

    CONSTRAINT "unit_parent_history_pkey" PRIMARY KEY ("unit_id","until_period")
);

-- CreateTable
CREATE TABLE "carried_value" (
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "element_id" INTEGER NOT NULL,
    "reorganisation_id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "carried_value_pkey" PRIMARY KEY ("unit_id","period_id","element_id","reorganisation_id")
);

-- CreateIndex
CREATE INDEX "reorganisation_effective_period_idx" ON "reorganisation"("effective_period");

-- CreateIndex
CREATE INDEX "unit_lineage_from_unit_id_idx" ON "unit_lineage"("from_unit_id");

-- CreateIndex
CREATE INDEX "unit_lineage_to_unit_id_idx" ON "unit_lineage"("to_unit_id");

-- CreateIndex
CREATE INDEX "unit_parent_history_parent_id_idx" ON "unit_parent_history"("parent_id");


-- ---------------------------------------------------------------------------
-- Hand-written below.
-- ---------------------------------------------------------------------------
ALTER TABLE "reorganisation" ADD CONSTRAINT "reorganisation_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reorganisation" ADD CONSTRAINT "reorganisation_first_of_month" CHECK (EXTRACT(DAY FROM "effective_on") = 1
  AND "effective_period" = EXTRACT(YEAR FROM "effective_on")::int * 100 + EXTRACT(MONTH FROM "effective_on")::int);
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_reorganisation_id_fkey" FOREIGN KEY ("reorganisation_id") REFERENCES "reorganisation"("id");
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_from_unit_id_fkey" FOREIGN KEY ("from_unit_id") REFERENCES "admin_unit"("id");
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_to_unit_id_fkey" FOREIGN KEY ("to_unit_id") REFERENCES "admin_unit"("id");
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_weight" CHECK ("weight" > 0 AND "weight" <= 1);
ALTER TABLE "unit_parent_history" ADD CONSTRAINT "unit_parent_history_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id");
ALTER TABLE "unit_parent_history" ADD CONSTRAINT "unit_parent_history_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id");
ALTER TABLE "unit_parent_history" ADD CONSTRAINT "unit_parent_history_reorganisation_id_fkey" FOREIGN KEY ("reorganisation_id") REFERENCES "reorganisation"("id");
ALTER TABLE "carried_value" ADD CONSTRAINT "carried_value_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id");
ALTER TABLE "carried_value" ADD CONSTRAINT "carried_value_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id");
ALTER TABLE "carried_value" ADD CONSTRAINT "carried_value_element_id_fkey" FOREIGN KEY ("element_id") REFERENCES "data_element"("id");
ALTER TABLE "carried_value" ADD CONSTRAINT "carried_value_reorganisation_id_fkey" FOREIGN KEY ("reorganisation_id") REFERENCES "reorganisation"("id");

-- A reorganisation is a record of a decision: it and what it wrote stay as they were.
CREATE FUNCTION reorganisation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: rows written by a reorganisation are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER reorganisation_append_only BEFORE UPDATE OR DELETE ON reorganisation FOR EACH ROW EXECUTE FUNCTION reorganisation_append_only();
CREATE TRIGGER unit_lineage_append_only BEFORE UPDATE OR DELETE ON unit_lineage FOR EACH ROW EXECUTE FUNCTION reorganisation_append_only();
CREATE TRIGGER unit_parent_history_append_only BEFORE UPDATE OR DELETE ON unit_parent_history FOR EACH ROW EXECUTE FUNCTION reorganisation_append_only();
CREATE TRIGGER carried_value_append_only BEFORE UPDATE OR DELETE ON carried_value FOR EACH ROW EXECUTE FUNCTION reorganisation_append_only();

-- Carried shares count in the roll-ups like raw figures (they are not reports:
-- the reporting counts do not change).
CREATE FUNCTION carried_value_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(value)) FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER carried_value_rollup_insert AFTER INSERT ON carried_value REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION carried_value_rollup_insert();

-- The parent of a unit in a month: the earliest history row that still covers
-- the month, else today's parent.
CREATE FUNCTION unit_parent_at(unit int, period int) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT h.parent_id FROM unit_parent_history h WHERE h.unit_id = unit AND h.until_period >= period ORDER BY h.until_period LIMIT 1),
    (SELECT u.parent_id FROM admin_unit u WHERE u.id = unit AND NOT EXISTS (SELECT 1 FROM unit_parent_history h WHERE h.unit_id = unit AND h.until_period >= period)))
$$;

-- The subtree of a unit on the map of a month: the units in force that month
-- whose parent that month leads up to it. `top` is the child of the root each
-- unit lies under (the root itself for the root), for per-child sums.
CREATE FUNCTION unit_tree_at(root int, period int) RETURNS TABLE (id int, top int, level "UnitLevel") LANGUAGE sql STABLE AS $$
  WITH RECURSIVE bounds AS (
    SELECT starts_on, ends_on FROM period WHERE period.id = unit_tree_at.period
  ), tree AS (
    SELECT u.id, u.id AS top, u.level, 0 AS depth FROM admin_unit u WHERE u.id = root
    UNION ALL
    SELECT c.id, CASE WHEN t.depth = 0 THEN c.id ELSE t.top END, c.level, t.depth + 1
    FROM tree t
    JOIN LATERAL (
      SELECT u.id, u.level FROM admin_unit u WHERE u.parent_id = t.id
      UNION
      SELECT u.id, u.level FROM unit_parent_history h JOIN admin_unit u ON u.id = h.unit_id WHERE h.parent_id = t.id AND h.until_period >= unit_tree_at.period
    ) c ON true
    CROSS JOIN bounds b
    JOIN admin_unit cu ON cu.id = c.id
    WHERE unit_parent_at(c.id, unit_tree_at.period) = t.id
      AND cu.valid_from <= b.ends_on AND (cu.valid_to IS NULL OR cu.valid_to >= b.starts_on)
      AND t.depth < 16
  )
  SELECT tree.id, tree.top, tree.level FROM tree
$$;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM rollup_value;
  DELETE FROM rollup_reporting;
  INSERT INTO rollup_value (unit_id, period_id, element_id, value)
  SELECT c.ancestor_id, v.period_id, v.element_id, sum(v.value)
  FROM (
    SELECT unit_id, period_id, element_id, value::bigint AS value FROM data_value
    UNION ALL
    SELECT unit_id, period_id, element_id, value FROM carried_value
  ) v JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
  INSERT INTO rollup_reporting (unit_id, period_id, units_reported, groups_reported, units_approved)
  SELECT c.ancestor_id, r.period_id, count(*) FILTER (WHERE r.reported), count(*) FILTER (WHERE r.reported AND r.is_group), count(*) FILTER (WHERE r.approved)
  FROM (
    SELECT coalesce(v.unit_id, p.unit_id) AS unit_id, coalesce(v.period_id, p.period_id) AS period_id,
           v.unit_id IS NOT NULL AS reported, u.level = 'RESIDENTIAL_GROUP' AS is_group,
           coalesce(p.status IN ('APPROVED', 'LOCKED'), false) AS approved
    FROM (SELECT DISTINCT unit_id, period_id FROM data_value) v
    FULL JOIN period_report p ON p.unit_id = v.unit_id AND p.period_id = v.period_id
    JOIN admin_unit u ON u.id = coalesce(v.unit_id, p.unit_id)
  ) r
  JOIN admin_unit_closure c ON c.descendant_id = r.unit_id
  GROUP BY 1, 2
  ORDER BY 1, 2;
  SELECT rollup_members_rebuild();
$$;
