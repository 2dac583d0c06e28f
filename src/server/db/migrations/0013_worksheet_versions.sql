CREATE TABLE "worksheet_versions" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- Worksheet replies are cached by (assessment, version) in every app process. The version changes on every
-- write to what the worksheet shows, by triggers rather than by each use case, so no write path (today's or a
-- future one) can forget it. Values come from one sequence: never reused, so a cached value can never be
-- mistaken for another. The bump runs at commit (deferred constraint triggers): it takes its row lock last and
-- holds it only until the commit, and the new version becomes visible together with the data it stands for.
CREATE SEQUENCE "worksheet_version_seq";
--> statement-breakpoint
CREATE FUNCTION worksheet_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO worksheet_versions AS w (assessment_id, version)
  SELECT d.id, nextval('worksheet_version_seq')
  FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) AS d
  WHERE d.id IS NOT NULL
  ON CONFLICT (assessment_id) DO UPDATE SET version = nextval('worksheet_version_seq');
$$;
--> statement-breakpoint
-- answers, evidence_links, item_comments, item_reviews: rows that name their assessment.
CREATE FUNCTION worksheet_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM worksheet_bump(ARRAY[NEW.assessment_id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM worksheet_bump(ARRAY[OLD.assessment_id]);
  ELSE
    PERFORM worksheet_bump(ARRAY[OLD.assessment_id, NEW.assessment_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- evidence (title, current version) and evidence_versions (file name, type, size): every assessment linking it.
CREATE FUNCTION worksheet_evidence_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'evidence' THEN
    ids := ARRAY[OLD.id, NEW.id];
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY[OLD.evidence_id];
  ELSE
    ids := ARRAY[OLD.evidence_id, NEW.evidence_id];
  END IF;
  PERFORM worksheet_bump(ARRAY(SELECT assessment_id FROM evidence_links WHERE evidence_id = ANY (ids)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE fires no row trigger: every worksheet changes.
CREATE FUNCTION worksheet_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE worksheet_versions SET version = nextval('worksheet_version_seq');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER answers_worksheet_version AFTER INSERT OR UPDATE OR DELETE ON answers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_row_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evidence_links_worksheet_version AFTER INSERT OR UPDATE OR DELETE ON evidence_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_row_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER item_comments_worksheet_version AFTER INSERT OR UPDATE OR DELETE ON item_comments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_row_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER item_reviews_worksheet_version AFTER INSERT OR UPDATE OR DELETE ON item_reviews
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_row_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evidence_worksheet_version AFTER UPDATE OR DELETE ON evidence
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_evidence_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evidence_versions_worksheet_version AFTER UPDATE OR DELETE ON evidence_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worksheet_evidence_changed();
--> statement-breakpoint
CREATE TRIGGER answers_worksheet_truncate AFTER TRUNCATE ON answers
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
--> statement-breakpoint
CREATE TRIGGER evidence_links_worksheet_truncate AFTER TRUNCATE ON evidence_links
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
--> statement-breakpoint
CREATE TRIGGER item_comments_worksheet_truncate AFTER TRUNCATE ON item_comments
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
--> statement-breakpoint
CREATE TRIGGER item_reviews_worksheet_truncate AFTER TRUNCATE ON item_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
--> statement-breakpoint
CREATE TRIGGER evidence_worksheet_truncate AFTER TRUNCATE ON evidence
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
--> statement-breakpoint
CREATE TRIGGER evidence_versions_worksheet_truncate AFTER TRUNCATE ON evidence_versions
  FOR EACH STATEMENT EXECUTE FUNCTION worksheet_all_changed();
