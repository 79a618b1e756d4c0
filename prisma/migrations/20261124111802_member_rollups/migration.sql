-- CreateTable
CREATE TABLE "rollup_members" (
    "unit_id" INTEGER NOT NULL,
    "affiliation" TEXT NOT NULL,
    "birth_year" INTEGER NOT NULL,
    "trained" BOOLEAN NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "rollup_members_pkey" PRIMARY KEY ("unit_id","affiliation","birth_year","trained")
);

-- CreateTable
CREATE TABLE "rollup_units" (
    "unit_id" INTEGER NOT NULL,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "teams" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_units_pkey" PRIMARY KEY ("unit_id")
);

-- ---------------------------------------------------------------------------
-- The teams panel at national scale: 600,000 members counted through the
-- closure table at read time took hundreds of milliseconds for the root, so
-- members (by affiliation, birth year and training), active teams and groups
-- in force are rolled up like the figures, in the writer's transaction.
-- A member counts when both it and its team are active; a group counts while
-- it is in force (valid_to IS NULL).
-- ---------------------------------------------------------------------------

CREATE FUNCTION rollup_members_add(unit_ids int[], affiliations text[], birth_years int[], trained boolean[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  SELECT rollup_lock_provinces(unit_ids);
  INSERT INTO rollup_members (unit_id, affiliation, birth_year, trained, members)
  SELECT c.ancestor_id, d.affiliation, d.birth_year, d.trained, sum(d.delta)
  FROM unnest(unit_ids, affiliations, birth_years, trained, deltas) AS d(unit_id, affiliation, birth_year, trained, delta)
  JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_id, affiliation, birth_year, trained) DO UPDATE SET members = rollup_members.members + EXCLUDED.members
$$;

CREATE FUNCTION rollup_units_add(unit_ids int[], d_groups int[], d_teams int[]) RETURNS void LANGUAGE sql AS $$
  SELECT rollup_lock_provinces(unit_ids);
  INSERT INTO rollup_units (unit_id, groups, teams)
  SELECT c.ancestor_id, sum(d.dg), sum(d.dt)
  FROM unnest(unit_ids, d_groups, d_teams) AS d(unit_id, dg, dt)
  JOIN admin_unit_closure c ON c.descendant_id = d.unit_id
  GROUP BY 1
  HAVING sum(d.dg) <> 0 OR sum(d.dt) <> 0
  ORDER BY 1
  ON CONFLICT (unit_id) DO UPDATE SET groups = rollup_units.groups + EXCLUDED.groups, teams = rollup_units.teams + EXCLUDED.teams
$$;

-- Members: the old rows leave, the new rows join; unchanged keys cancel out in the sums.
CREATE FUNCTION team_member_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_members_add(array_agg(t.unit_id), array_agg(n.affiliation::text), array_agg(coalesce(n.birth_year, 0)), array_agg(n.trained_on IS NOT NULL), array_agg(1))
    FROM new_rows n JOIN team t ON t.id = n.team_id AND t.active WHERE n.active;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM rollup_members_add(array_agg(x.unit_id), array_agg(x.affiliation), array_agg(x.birth_year), array_agg(x.trained), array_agg(x.delta))
    FROM (
      SELECT t.unit_id, o.affiliation::text AS affiliation, coalesce(o.birth_year, 0) AS birth_year, o.trained_on IS NOT NULL AS trained, -1 AS delta
      FROM old_rows o JOIN team t ON t.id = o.team_id AND t.active WHERE o.active
      UNION ALL
      SELECT t.unit_id, n.affiliation::text, coalesce(n.birth_year, 0), n.trained_on IS NOT NULL, 1
      FROM new_rows n JOIN team t ON t.id = n.team_id AND t.active WHERE n.active
    ) x;
  ELSE
    PERFORM rollup_members_add(array_agg(t.unit_id), array_agg(o.affiliation::text), array_agg(coalesce(o.birth_year, 0)), array_agg(o.trained_on IS NOT NULL), array_agg(-1))
    FROM old_rows o JOIN team t ON t.id = o.team_id AND t.active WHERE o.active;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER team_member_rollup_insert AFTER INSERT ON team_member REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_rollup();
CREATE TRIGGER team_member_rollup_update AFTER UPDATE ON team_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_rollup();
CREATE TRIGGER team_member_rollup_delete AFTER DELETE ON team_member REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION team_member_rollup();

-- A team that closes, reopens or moves to another unit takes its members along.
CREATE FUNCTION team_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.active;
  now_is boolean := TG_OP <> 'DELETE' AND NEW.active;
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND OLD.active = NEW.active AND OLD.unit_id = NEW.unit_id THEN RETURN NULL; END IF;
  IF was THEN
    PERFORM rollup_units_add(ARRAY[OLD.unit_id], ARRAY[0], ARRAY[-1]);
    IF TG_OP = 'UPDATE' THEN
      PERFORM rollup_members_add(array_agg(OLD.unit_id), array_agg(m.affiliation::text), array_agg(coalesce(m.birth_year, 0)), array_agg(m.trained_on IS NOT NULL), array_agg(-1))
      FROM team_member m WHERE m.team_id = OLD.id AND m.active;
    END IF;
  END IF;
  IF now_is THEN
    PERFORM rollup_units_add(ARRAY[NEW.unit_id], ARRAY[0], ARRAY[1]);
    IF TG_OP = 'UPDATE' THEN
      PERFORM rollup_members_add(array_agg(NEW.unit_id), array_agg(m.affiliation::text), array_agg(coalesce(m.birth_year, 0)), array_agg(m.trained_on IS NOT NULL), array_agg(1))
      FROM team_member m WHERE m.team_id = NEW.id AND m.active;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER team_rollup AFTER INSERT OR UPDATE OF active, unit_id OR DELETE ON team
  FOR EACH ROW EXECUTE FUNCTION team_rollup();

-- Residential groups in force. Named to run after admin_unit_closure_insert and
-- admin_unit_rollup_move (triggers of one event fire in name order).
CREATE FUNCTION admin_unit_rollup_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was int := CASE WHEN TG_OP = 'UPDATE' AND OLD.level = 'RESIDENTIAL_GROUP' AND OLD.valid_to IS NULL THEN 1 ELSE 0 END;
  now_is int := CASE WHEN NEW.level = 'RESIDENTIAL_GROUP' AND NEW.valid_to IS NULL THEN 1 ELSE 0 END;
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  IF now_is <> was THEN
    PERFORM rollup_units_add(ARRAY[NEW.id], ARRAY[now_is - was], ARRAY[0]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER admin_unit_rollup_units AFTER INSERT OR UPDATE OF level, valid_to ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION admin_unit_rollup_units();

-- A moved unit takes all of its totals along: figures, reporting, members, groups and teams.
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
    PERFORM rollup_add(array_agg(target), array_agg(period_id), array_agg(element_id), array_agg(sign * value)) FROM rollup_value WHERE unit_id = NEW.id;
    PERFORM rollup_reporting_add(array_agg(target), array_agg(period_id), array_agg(sign * units_reported), array_agg(sign * groups_reported), array_agg(sign * units_approved))
      FROM rollup_reporting WHERE unit_id = NEW.id;
    PERFORM rollup_members_add(array_agg(target), array_agg(affiliation), array_agg(birth_year), array_agg(trained), array_agg(sign * members))
      FROM rollup_members WHERE unit_id = NEW.id;
    PERFORM rollup_units_add(array_agg(target), array_agg(sign * groups), array_agg(sign * teams)) FROM rollup_units WHERE unit_id = NEW.id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_members_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM rollup_members;
  DELETE FROM rollup_units;
  INSERT INTO rollup_members (unit_id, affiliation, birth_year, trained, members)
  SELECT c.ancestor_id, m.affiliation::text, coalesce(m.birth_year, 0), m.trained_on IS NOT NULL, count(*)
  FROM team_member m JOIN team t ON t.id = m.team_id AND t.active
  JOIN admin_unit_closure c ON c.descendant_id = t.unit_id
  WHERE m.active
  GROUP BY 1, 2, 3, 4;
  INSERT INTO rollup_units (unit_id, groups, teams)
  SELECT c.ancestor_id, sum(x.groups), sum(x.teams)
  FROM (
    SELECT id AS unit_id, 1 AS groups, 0 AS teams FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' AND valid_to IS NULL
    UNION ALL
    SELECT unit_id, 0, 1 FROM team WHERE active
  ) x JOIN admin_unit_closure c ON c.descendant_id = x.unit_id
  GROUP BY 1;
$$;

-- rollup_rebuild() now rebuilds every roll-up, so that bulk loads and repairs need one call.
CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
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
  SELECT rollup_members_rebuild();
$$;

SELECT rollup_members_rebuild();
