-- Public pages also show organisation names (municipalities, employers that may be named):
-- a change to an organisation moves the marketplace's state too (src/server/page-cache.ts).
CREATE TRIGGER `organisations_version_after_update` AFTER UPDATE OF `name` ON `organisations` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
