-- CreateEnum
CREATE TYPE "ElementSource" AS ENUM ('FORM', 'ACTIVITIES');

-- AlterTable (hand-edited: filled from the team's unit before it becomes required)
ALTER TABLE "activity" ADD COLUMN     "unit_id" INTEGER;
UPDATE "activity" a SET "unit_id" = t."unit_id" FROM "team" t WHERE t."id" = a."team_id";
ALTER TABLE "activity" ALTER COLUMN "unit_id" SET NOT NULL;

-- AlterTable
ALTER TABLE "data_element" ADD COLUMN     "source" "ElementSource" NOT NULL DEFAULT 'FORM';

-- AlterTable
ALTER TABLE "data_value" ADD COLUMN     "from_activities" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "activity_unit_id_occurred_on_idx" ON "activity"("unit_id", "occurred_on");

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: the teams' activities become figures of their own, rolled up
-- the tree like typed figures, once. Each activity record is one figure of each
-- activity element (ACTIVITIES = 1, residents helped per service, procedures,
-- installs, and for a training its attendees) at the unit it was logged for, in
-- its month. Triggers on activity feed rollup_value in the same transaction as
-- the write, so a province's activity panel reads the roll-ups like a ward's.
-- They never count as a unit having reported its month (rollup_reporting is the
-- monthly form's), and they are never typed: the forms, grid and imports take
-- only elements whose source is FORM.
-- ---------------------------------------------------------------------------

-- The figures one activity record makes, by element code; the attendees only for a training.
CREATE FUNCTION activity_figures(a activity) RETURNS TABLE (code text, value bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT x.code, x.value FROM (VALUES
    ('ACTIVITIES', 1::bigint),
    ('HELPED_VNEID', a.helped_vneid::bigint),
    ('HELPED_SIGNATURE', a.helped_signature::bigint),
    ('HELPED_ONLINE_FILING', a.helped_online_filing::bigint),
    ('HELPED_CASHLESS', a.helped_cashless::bigint),
    ('HELPED_BANK_ACCOUNT', a.helped_bank_account::bigint),
    ('HELPED_HEALTH_BOOK', a.helped_health_book::bigint),
    ('HELPED_OTHER', a.helped_other::bigint),
    ('PROCEDURES_SUPPORTED', a.procedures::bigint),
    ('APPS_INSTALLED', a.apps_installed::bigint),
    ('TRAINING_ATTENDEES', a.attendees::bigint)
  ) AS x(code, value)
  WHERE x.value IS NOT NULL
$$;

-- Every activity's figures as raw rows (unit, month, element, value): what the roll-ups add up.
CREATE VIEW activity_figure AS
  SELECT a.unit_id, to_char(a.occurred_on, 'YYYYMM')::int AS period_id, e.id AS element_id, f.value
  FROM activity a CROSS JOIN LATERAL activity_figures(a) f JOIN data_element e ON e.code = f.code;

CREATE FUNCTION activity_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  -- An update takes the old record's figures away and adds the new one's (a moved date moves them between months).
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_add(array_agg(a.unit_id), array_agg(to_char(a.occurred_on, 'YYYYMM')::int), array_agg(e.id), array_agg(f.value), array_agg(1))
    FROM new_rows a CROSS JOIN LATERAL activity_figures(a::activity) f JOIN data_element e ON e.code = f.code;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_add(array_agg(a.unit_id), array_agg(to_char(a.occurred_on, 'YYYYMM')::int), array_agg(e.id), array_agg(-f.value), array_agg(-1))
    FROM old_rows a CROSS JOIN LATERAL activity_figures(a::activity) f JOIN data_element e ON e.code = f.code;
  ELSE
    PERFORM rollup_add(array_agg(d.unit_id), array_agg(d.period_id), array_agg(d.element_id), array_agg(d.value), array_agg(d.n))
    FROM (
      SELECT a.unit_id, to_char(a.occurred_on, 'YYYYMM')::int AS period_id, e.id AS element_id, -f.value AS value, -1 AS n
      FROM old_rows a CROSS JOIN LATERAL activity_figures(a::activity) f JOIN data_element e ON e.code = f.code
      UNION ALL
      SELECT a.unit_id, to_char(a.occurred_on, 'YYYYMM')::int, e.id, f.value, 1
      FROM new_rows a CROSS JOIN LATERAL activity_figures(a::activity) f JOIN data_element e ON e.code = f.code
    ) d;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER activity_rollup_insert AFTER INSERT ON activity REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollup();
CREATE TRIGGER activity_rollup_update AFTER UPDATE ON activity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollup();
CREATE TRIGGER activity_rollup_delete AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollup();

-- A unit reports its month with the figures people enter: a RESIDENTS_HELPED added up from activities
-- (from_activities) rolls up like any figure but does not make a group count as reported.
CREATE OR REPLACE FUNCTION data_value_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(value::bigint), array_agg(1)) FROM new_rows;
  -- A unit reports for the month when its first reported figure arrives: every such figure it has is in this statement.
  PERFORM rollup_reporting_add(array_agg(n.unit_id), array_agg(n.period_id), array_agg(1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN 1 ELSE 0 END), array_agg(0))
  FROM (SELECT unit_id, period_id, count(*) AS figures FROM new_rows WHERE NOT from_activities GROUP BY 1, 2) n
  JOIN admin_unit u ON u.id = n.unit_id
  WHERE n.figures = (SELECT count(*) FROM data_value v WHERE v.unit_id = n.unit_id AND v.period_id = n.period_id AND NOT v.from_activities);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION data_value_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN RETURN NULL; END IF;
  PERFORM rollup_add(array_agg(unit_id), array_agg(period_id), array_agg(element_id), array_agg(-value::bigint), array_agg(-1)) FROM old_rows;
  -- A unit no longer reports for the month when its last reported figure is gone.
  PERFORM rollup_reporting_add(array_agg(o.unit_id), array_agg(o.period_id), array_agg(-1),
                               array_agg(CASE WHEN u.level = 'RESIDENTIAL_GROUP' THEN -1 ELSE 0 END), array_agg(0))
  FROM (SELECT DISTINCT unit_id, period_id FROM old_rows WHERE NOT from_activities) o
  JOIN admin_unit u ON u.id = o.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = o.unit_id AND v.period_id = o.period_id AND NOT v.from_activities);
  RETURN NULL;
END $$;


-- The rebuild adds the activities' figures to the raw values and the carried shares.
CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM rollup_value;
  DELETE FROM rollup_reporting;
  INSERT INTO rollup_value (unit_id, period_id, element_id, value, figures)
  SELECT c.ancestor_id, v.period_id, v.element_id, sum(v.value), sum(v.figures)
  FROM (
    SELECT unit_id, period_id, element_id, value::bigint AS value, 1 AS figures FROM data_value
    UNION ALL
    SELECT unit_id, period_id, element_id, value, CASE WHEN received THEN 1 ELSE 0 END FROM carried_value
    UNION ALL
    SELECT unit_id, period_id, element_id, value, 1 FROM activity_figure
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
    FROM (SELECT DISTINCT unit_id, period_id FROM data_value WHERE NOT from_activities) v
    FULL JOIN period_report p ON p.unit_id = v.unit_id AND p.period_id = v.period_id
    JOIN admin_unit u ON u.id = coalesce(v.unit_id, p.unit_id)
  ) r
  JOIN admin_unit_closure c ON c.descendant_id = r.unit_id
  GROUP BY 1, 2
  ORDER BY 1, 2;
  SELECT rollup_members_rebuild();
$$;

-- A database with a catalogue gets the new elements (a new one gets them from the seed), and the
-- figures of the activities already logged.
INSERT INTO data_element (code, name, name_en, description, aggregation, collection_level, sort_order, source)
SELECT x.code, x.name, x.name_en, x.description, 'FLOW', 'RESIDENTIAL_GROUP', (SELECT max(sort_order) FROM data_element) + x.n, 'ACTIVITIES'
FROM (VALUES
  (1, 'ACTIVITIES', 'Hoạt động của tổ', 'Team activities', 'Số lần tổ ghi hoạt động trong tháng (đi từng nhà, ngày cao điểm, trực một cửa, tập huấn, họp dân…).'),
  (2, 'HELPED_VNEID', 'Lượt hỗ trợ kích hoạt VNeID', 'Residents helped with VNeID', 'Từ nhật ký hoạt động của tổ.'),
  (3, 'HELPED_SIGNATURE', 'Lượt hỗ trợ chữ ký số cá nhân', 'Residents helped with a digital signature', 'Từ nhật ký hoạt động của tổ.'),
  (4, 'HELPED_ONLINE_FILING', 'Lượt hướng dẫn nộp hồ sơ trực tuyến', 'Residents helped to file online', 'Từ nhật ký hoạt động của tổ.'),
  (5, 'HELPED_CASHLESS', 'Lượt hỗ trợ ứng dụng thanh toán không dùng tiền mặt', 'Residents helped with a cashless-payment app', 'Từ nhật ký hoạt động của tổ.'),
  (6, 'HELPED_BANK_ACCOUNT', 'Lượt hỗ trợ mở tài khoản ngân hàng, ví điện tử', 'Residents helped with a bank or e-wallet account', 'Từ nhật ký hoạt động của tổ.'),
  (7, 'HELPED_HEALTH_BOOK', 'Lượt hỗ trợ sổ sức khỏe điện tử', 'Residents helped with an electronic health book', 'Từ nhật ký hoạt động của tổ.'),
  (8, 'HELPED_OTHER', 'Lượt hỗ trợ khác', 'Residents helped with other services', 'Từ nhật ký hoạt động của tổ.'),
  (9, 'PROCEDURES_SUPPORTED', 'Thủ tục hành chính được hỗ trợ', 'Procedures supported', 'Từ nhật ký hoạt động của tổ.'),
  (10, 'APPS_INSTALLED', 'Ứng dụng được cài đặt', 'Apps installed', 'Từ nhật ký hoạt động của tổ.'),
  (11, 'TRAINING_ATTENDEES', 'Lượt người dự tập huấn', 'Training attendees', 'Từ các buổi tập huấn trong nhật ký hoạt động của tổ.')
) AS x(n, code, name, name_en, description)
WHERE EXISTS (SELECT 1 FROM data_element)
ON CONFLICT (code) DO NOTHING;

-- A RESIDENTS_HELPED that activities made (every change of it audited as values.fromActivities) was
-- reported by nobody: the month's completeness no longer counts it.
UPDATE data_value v SET from_activities = true
FROM admin_unit u, data_element e
WHERE u.id = v.unit_id AND e.id = v.element_id AND e.code = 'RESIDENTS_HELPED'
  AND NOT EXISTS (
    SELECT 1 FROM audit_log l
    WHERE l.entity_type = 'data_value' AND l.entity_id = u.code || '/' || substr(v.period_id::text, 1, 4) || '-' || substr(v.period_id::text, 5, 2) || '/RESIDENTS_HELPED'
      AND l.action <> 'values.fromActivities'
  );

-- The activities' figures and the corrected reporting counts.
SELECT rollup_rebuild();

-- The flag is set when the figure is written and never changed after (a typed figure that activities
-- later take over stays reported: a person did report it), so the update trigger needs no reporting step.
CREATE FUNCTION data_value_keep_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_activities <> OLD.from_activities THEN
    RAISE EXCEPTION 'data_value: whether a figure comes from activities cannot change (id %)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER data_value_keep_source BEFORE UPDATE OF from_activities ON data_value FOR EACH ROW EXECUTE FUNCTION data_value_keep_source();

-- Activity figures are added up from the activity records, never typed: a data_value row of one
-- would count the same work twice (the forms, the grid and the imports already refuse them).
CREATE FUNCTION data_value_not_from_activity_elements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  code text;
BEGIN
  SELECT e.code INTO code FROM new_rows n JOIN data_element e ON e.id = n.element_id WHERE e.source = 'ACTIVITIES' LIMIT 1;
  IF code IS NOT NULL THEN
    RAISE EXCEPTION 'data_value: % is added up from the activity records and cannot be written as a figure', code;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_not_from_activity_elements AFTER INSERT ON data_value REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_not_from_activity_elements();
