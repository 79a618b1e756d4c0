-- CreateTable
CREATE TABLE "rollup_value" (
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "element_id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "rollup_value_pkey" PRIMARY KEY ("unit_id","period_id","element_id")
);

-- CreateTable
CREATE TABLE "rollup_reporting" (
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "units_reported" INTEGER NOT NULL DEFAULT 0,
    "groups_reported" INTEGER NOT NULL DEFAULT 0,
    "units_approved" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_reporting_pkey" PRIMARY KEY ("unit_id","period_id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Roll-ups kept current in the writer's own transaction.
-- Ratio of sums: the dashboards divide these sums; they never average the
-- children's percentages. Every raw figure counts once at each of its ancestors
-- (the closure table includes the unit itself at depth 0).
-- ---------------------------------------------------------------------------

-- A bulk load (the demo seed, the benchmark's generator) may defer the roll-ups
-- for its own transaction with SET LOCAL tcns.defer_rollups = 'on', and must
-- then call rollup_rebuild() before it commits; nothing else sets it.
CREATE FUNCTION rollups_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('tcns.defer_rollups', true), '') = 'on'
$$;

-- Writers of one province queue on its advisory lock from their first figure
-- to their commit. They would queue on the province's roll-up rows anyway (every
-- figure adds to them), so no concurrency is lost; but a save writes its figures
-- one statement at a time and an import in batches, and without this queue two
-- such transactions could take roll-up rows in crossing orders and deadlock.
-- (Writers of one unit's month are already serialised by its period_report row.)
CREATE FUNCTION rollup_lock_provinces(unit_ids int[]) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(20261124, root.id)
  FROM (
    SELECT DISTINCT a.id FROM admin_unit_closure c JOIN admin_unit a ON a.id = c.ancestor_id AND a.parent_id IS NULL
    WHERE c.descendant_id = ANY(unit_ids) ORDER BY a.id
  ) AS root
$$;

-- Adds the deltas to the figures of every ancestor, in key order.
CREATE FUNCTION rollup_add(unit_ids int[], period_ids int[], element_ids int[], deltas bigint[]) RETURNS void LANGUAGE sql AS $$
  SELECT rollup_lock_provinces(unit_ids);
  INSERT INTO rollup_value (unit_id, period_id, element_id, value)
  SELECT c.ancestor_id, d.period_id, d.element_id, sum(d.delta)
  FROM unnest(unit_ids, period_ids, element_ids, deltas) AS d(unit_id, period_id, element_id, delta)
  JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
  GROUP BY 1, 2, 3
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, period_id, element_id) DO UPDATE SET value = rollup_value.value + EXCLUDED.value
$$;

CREATE FUNCTION rollup_reporting_add(unit_ids int[], period_ids int[], d_units int[], d_groups int[], d_approved int[]) RETURNS void LANGUAGE sql AS $$
  SELECT rollup_lock_provinces(unit_ids);
  INSERT INTO rollup_reporting (unit_id, period_id, units_reported, groups_reported, units_approved)
  SELECT c.ancestor_id, d.period_id, sum(d.du), sum(d.dg), sum(d.da)
  FROM unnest(unit_ids, period_ids, d_units, d_groups, d_approved) AS d(unit_id, period_id, du, dg, da)
  JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (unit_id, period_id) DO UPDATE SET
    units_reported = rollup_reporting.units_reported + EXCLUDED.units_reported,
    groups_reported = rollup_reporting.groups_reported + EXCLUDED.groups_reported,
    units_approved = rollup_reporting.units_approved + EXCLUDED.units_approved
$$;

CREATE FUNCTION data_value_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(value::bigint)) FROM new_rows;
  -- A unit reports for the month when its first figure arrives: every figure it has is in this statement.
  PERFORM rollup_reporting_add(array_agg(n.unit_id), array_agg(n.period_id), array_agg(1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN 1 ELSE 0 END), array_agg(0))
  FROM (SELECT unit_id, period_id, count(*) AS figures FROM new_rows GROUP BY 1, 2) n
  JOIN admin_unit u ON u.id = n.unit_id
  WHERE n.figures = (SELECT count(*) FROM data_value v WHERE v.unit_id = n.unit_id AND v.period_id = n.period_id);
  RETURN NULL;
END $$;

CREATE FUNCTION data_value_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(n.unit_id), array_agg(n.period_id), array_agg(n.element_id), array_agg(n.value::bigint - o.value::bigint))
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.value <> o.value;
  RETURN NULL;
END $$;

CREATE FUNCTION data_value_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(-value::bigint)) FROM old_rows;
  -- A unit no longer reports for the month when its last figure is gone.
  PERFORM rollup_reporting_add(array_agg(o.unit_id), array_agg(o.period_id), array_agg(-1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN -1 ELSE 0 END), array_agg(0))
  FROM (SELECT DISTINCT unit_id, period_id FROM old_rows) o
  JOIN admin_unit u ON u.id = o.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = o.unit_id AND v.period_id = o.period_id);
  RETURN NULL;
END $$;

-- A figure belongs to its unit, month and element for good; a correction changes only its value.
CREATE FUNCTION data_value_keep_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unit_id <> OLD.unit_id OR NEW.period_id <> OLD.period_id OR NEW.element_id <> OLD.element_id THEN
    RAISE EXCEPTION 'data_value: unit, period and element of a figure cannot change (id %)', OLD.id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER data_value_keep_key BEFORE UPDATE ON data_value FOR EACH ROW EXECUTE FUNCTION data_value_keep_key();
CREATE TRIGGER data_value_rollup_insert AFTER INSERT ON data_value REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup_insert();
CREATE TRIGGER data_value_rollup_update AFTER UPDATE ON data_value REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup_update();
CREATE TRIGGER data_value_rollup_delete AFTER DELETE ON data_value REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_rollup_delete();

-- Approved (or locked) reports, counted at every ancestor.
CREATE FUNCTION period_report_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was int := CASE WHEN TG_OP <> 'INSERT' AND OLD.status IN ('APPROVED', 'LOCKED') THEN 1 ELSE 0 END;
  now_is int := CASE WHEN TG_OP <> 'DELETE' AND NEW.status IN ('APPROVED', 'LOCKED') THEN 1 ELSE 0 END;
  target period_report%ROWTYPE := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF now_is <> was THEN
    PERFORM rollup_reporting_add(ARRAY[target.unit_id], ARRAY[target.period_id], ARRAY[0], ARRAY[0], ARRAY[now_is - was]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER period_report_rollup AFTER INSERT OR UPDATE OF status OR DELETE ON period_report
  FOR EACH ROW EXECUTE FUNCTION period_report_rollup();

-- A unit moved under another parent takes its totals along: they leave the old
-- ancestors and join the new ones. Named to run after admin_unit_closure_move.
CREATE FUNCTION admin_unit_rollup_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN RETURN NULL; END IF;
  IF OLD.parent_id IS NOT NULL THEN
    PERFORM rollup_add(array_agg(OLD.parent_id), array_agg(period_id), array_agg(element_id), array_agg(-value)) FROM rollup_value WHERE unit_id = NEW.id;
    PERFORM rollup_reporting_add(array_agg(OLD.parent_id), array_agg(period_id), array_agg(-units_reported), array_agg(-groups_reported), array_agg(-units_approved))
      FROM rollup_reporting WHERE unit_id = NEW.id;
  END IF;
  IF NEW.parent_id IS NOT NULL THEN
    PERFORM rollup_add(array_agg(NEW.parent_id), array_agg(period_id), array_agg(element_id), array_agg(value)) FROM rollup_value WHERE unit_id = NEW.id;
    PERFORM rollup_reporting_add(array_agg(NEW.parent_id), array_agg(period_id), array_agg(units_reported), array_agg(groups_reported), array_agg(units_approved))
      FROM rollup_reporting WHERE unit_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER admin_unit_rollup_move AFTER UPDATE OF parent_id ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION admin_unit_rollup_move();

-- The same figures computed from scratch: for bulk loads (which may disable the
-- triggers and call this once) and for checks that the roll-ups never drift.
CREATE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM rollup_value;
  DELETE FROM rollup_reporting;
  INSERT INTO rollup_value (unit_id, period_id, element_id, value)
  SELECT c.ancestor_id, v.period_id, v.element_id, sum(v.value)
  FROM data_value v JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
  GROUP BY 1, 2, 3;
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
  GROUP BY 1, 2;
$$;

SELECT rollup_rebuild();
