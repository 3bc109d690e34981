-- Several servers on one database (README, "Several servers"): each is told through LISTEN/NOTIFY when what its
-- memory holds changed in another — the event log grew, a watchlist has a new version, an API token was revoked or
-- its account changed. Triggers, so that every writer (the API, the command line, a restore) tells, and the
-- notification is sent at commit (nothing for a rolled-back write). Identical payloads within one transaction are
-- sent once, so a bulk import costs one notification.

CREATE FUNCTION imketen_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('imketen_events', '');
  RETURN NULL;
END $$;

CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION imketen_notify_events();

CREATE FUNCTION imketen_notify_watchlist_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('imketen_watchlists', NEW.watchlist_id || ':' || NEW.version);
  RETURN NULL;
END $$;

CREATE TRIGGER watchlist_versions_notify AFTER INSERT ON watchlist_versions FOR EACH ROW EXECUTE FUNCTION imketen_notify_watchlist_version();

CREATE FUNCTION imketen_notify_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('imketen_tokens', NEW.id::text);
  RETURN NULL;
END $$;

CREATE TRIGGER api_tokens_notify AFTER UPDATE ON api_tokens FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.pending_approval IS DISTINCT FROM NEW.pending_approval
        OR OLD.role IS DISTINCT FROM NEW.role OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION imketen_notify_token();
