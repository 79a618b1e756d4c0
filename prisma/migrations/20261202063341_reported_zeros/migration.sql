-- AlterTable
ALTER TABLE "rollup_value" ADD COLUMN     "figures" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "carried_value" ADD COLUMN     "received" BOOLEAN NOT NULL DEFAULT true;

-- ---------------------------------------------------------------------------
-- A reported 0 is a figure. rollup_value used to drop sums of zero (HAVING
-- sum(delta) <> 0), so a residential group that reported MERCHANTS_QR = 0 had
-- no row and read back as "no data" instead of 0%, while rollup_rebuild() did
-- write such rows: the two paths disagreed about which rows exist. Each row
-- now counts the raw figures (and carried shares) below it; it exists exactly
-- while that count is above 0, whatever its sum, and goes when the last
-- figure below is cleared.
-- ---------------------------------------------------------------------------

-- The keeper's shares of a split were always negative (shares of 0 were not
-- written until now): they take away without reporting anything.
ALTER TABLE carried_value DISABLE TRIGGER carried_value_append_only;
UPDATE carried_value SET received = false WHERE value < 0;
ALTER TABLE carried_value ENABLE TRIGGER carried_value_append_only;

DROP FUNCTION rollup_add(int[], int[], int[], bigint[]);

-- Adds the deltas (of the sums and of the counts of figures) to every ancestor, in key order.
CREATE FUNCTION rollup_add(unit_ids int[], period_ids int[], element_ids int[], deltas bigint[], counts int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_lock_provinces(unit_ids);
  INSERT INTO rollup_value (unit_id, period_id, element_id, value, figures)
  SELECT c.ancestor_id, d.period_id, d.element_id, sum(d.delta), sum(d.figures)
  FROM unnest(unit_ids, period_ids, element_ids, deltas, counts) AS d(unit_id, period_id, element_id, delta, figures)
  JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
  GROUP BY 1, 2, 3
  HAVING sum(d.delta) <> 0 OR sum(d.figures) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (unit_id, period_id, element_id) DO UPDATE
    SET value = rollup_value.value + EXCLUDED.value, figures = rollup_value.figures + EXCLUDED.figures;
  -- The last figure below cleared: the unit is back to "no data" for it.
  IF EXISTS (SELECT 1 FROM unnest(counts) AS n WHERE n < 0) THEN
    DELETE FROM rollup_value r
    USING (
      SELECT DISTINCT c.ancestor_id, d.period_id, d.element_id
      FROM unnest(unit_ids, period_ids, element_ids, counts) AS d(unit_id, period_id, element_id, n)
      JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
      WHERE d.n < 0
    ) k
    WHERE r.unit_id = k.ancestor_id AND r.period_id = k.period_id AND r.element_id = k.element_id AND r.figures <= 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION data_value_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(value::bigint), array_agg(1)) FROM new_rows;
  -- A unit reports for the month when its first figure arrives: every figure it has is in this statement.
  PERFORM rollup_reporting_add(array_agg(n.unit_id), array_agg(n.period_id), array_agg(1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN 1 ELSE 0 END), array_agg(0))
  FROM (SELECT unit_id, period_id, count(*) AS figures FROM new_rows GROUP BY 1, 2) n
  JOIN admin_unit u ON u.id = n.unit_id
  WHERE n.figures = (SELECT count(*) FROM data_value v WHERE v.unit_id = n.unit_id AND v.period_id = n.period_id);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION data_value_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(n.unit_id), array_agg(n.period_id), array_agg(n.element_id), array_agg(n.value::bigint - o.value::bigint), array_agg(0))
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.value <> o.value;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION data_value_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(-value::bigint), array_agg(-1)) FROM old_rows;
  -- A unit no longer reports for the month when its last figure is gone.
  PERFORM rollup_reporting_add(array_agg(o.unit_id), array_agg(o.period_id), array_agg(-1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN -1 ELSE 0 END), array_agg(0))
  FROM (SELECT DISTINCT unit_id, period_id FROM old_rows) o
  JOIN admin_unit u ON u.id = o.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = o.unit_id AND v.period_id = o.period_id);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION carried_value_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(value), array_agg(CASE WHEN received THEN 1 ELSE 0 END)) FROM new_rows;
  RETURN NULL;
END $$;

-- A moved unit takes all of its totals along: figures (with their counts), reporting, members, groups and teams.
CREATE OR REPLACE FUNCTION admin_unit_rollup_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target int;
  sign int;
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN RETURN NULL; END IF;
  FOREACH target IN ARRAY ARRAY[OLD.parent_id, NEW.parent_id] LOOP
    CONTINUE WHEN target IS NULL;
    sign := CASE WHEN target = OLD.parent_id AND target IS DISTINCT FROM NEW.parent_id THEN -1 ELSE 1 END;
    PERFORM rollup_add(array_agg(target), array_agg(period_id), array_agg(element_id), array_agg(sign * value), array_agg(sign * figures)) FROM rollup_value WHERE unit_id = NEW.id;
    PERFORM rollup_reporting_add(array_agg(target), array_agg(period_id), array_agg(sign * units_reported), array_agg(sign * groups_reported), array_agg(sign * units_approved))
      FROM rollup_reporting WHERE unit_id = NEW.id;
    PERFORM rollup_members_add(array_agg(target), array_agg(affiliation), array_agg(birth_year), array_agg(trained), array_agg(sign * members))
      FROM rollup_members WHERE unit_id = NEW.id;
    PERFORM rollup_units_add(array_agg(target), array_agg(sign * groups), array_agg(sign * teams)) FROM rollup_units WHERE unit_id = NEW.id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM rollup_value;
  DELETE FROM rollup_reporting;
  INSERT INTO rollup_value (unit_id, period_id, element_id, value, figures)
  SELECT c.ancestor_id, v.period_id, v.element_id, sum(v.value), sum(v.figures)
  FROM (
    SELECT unit_id, period_id, element_id, value::bigint AS value, 1 AS figures FROM data_value
    UNION ALL
    SELECT unit_id, period_id, element_id, value, CASE WHEN received THEN 1 ELSE 0 END FROM carried_value
  ) v JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
  GROUP BY 1, 2, 3
  HAVING sum(v.figures) > 0
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

-- The counts of the figures already there, and the rows of reported zeros that the triggers had dropped.
SELECT rollup_rebuild();
