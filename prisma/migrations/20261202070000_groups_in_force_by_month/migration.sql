-- Completeness of a month before a reorganisation counts the groups in force
-- in that month (lib/dashboard/dashboard-subject.ts groupsBelow): today's count
-- corrected by the few units closed since or created after it. These keep that
-- correction an index lookup instead of a scan of every unit.
CREATE INDEX admin_unit_closed_idx ON admin_unit (id) WHERE valid_to IS NOT NULL;
CREATE INDEX admin_unit_valid_from_idx ON admin_unit (valid_from);
