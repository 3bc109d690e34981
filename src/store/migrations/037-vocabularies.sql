-- Controlled vocabularies (issue 17): the courts, the channels and the topics the event forms offer as choices.
-- Stored as reference data in a table, not as events: a vocabulary entry is no fact about a person or a case, has
-- no place in a stream's history, and the interchange format does not carry it. Events keep the text they were
-- recorded with (the Dutch label at the time, or free text in older data and imports), so renaming or deactivating
-- an entry never changes what an event says. Who changed what is in the access log (action vocabulary.*).
-- STORED DATA: never change the meaning of a column in place; add a migration.
CREATE TABLE vocabulary_entries (
  vocabulary  text NOT NULL CHECK (vocabulary IN ('courts', 'channels', 'topics')),
  code        text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  label_nl    text NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 200),
  label_en    text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  active      boolean NOT NULL DEFAULT true,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  text NOT NULL DEFAULT 'migration 037',
  PRIMARY KEY (vocabulary, code)
);
-- An event holds the Dutch label: one label names one entry.
CREATE UNIQUE INDEX vocabulary_entries_label_nl ON vocabulary_entries (vocabulary, lower(label_nl));

-- The default set: the Dutch courts (rechtbanken, gerechtshoven, Hoge Raad, Raad van State), the channels and the
-- topics of informing a victim (rule R5, docs/domain.md).
INSERT INTO vocabulary_entries (vocabulary, code, label_nl, label_en) VALUES
  ('courts', 'rb-amsterdam', 'Rechtbank Amsterdam', 'District Court of Amsterdam'),
  ('courts', 'rb-den-haag', 'Rechtbank Den Haag', 'District Court of The Hague'),
  ('courts', 'rb-gelderland', 'Rechtbank Gelderland', 'District Court of Gelderland'),
  ('courts', 'rb-limburg', 'Rechtbank Limburg', 'District Court of Limburg'),
  ('courts', 'rb-midden-nederland', 'Rechtbank Midden-Nederland', 'District Court of Midden-Nederland'),
  ('courts', 'rb-noord-holland', 'Rechtbank Noord-Holland', 'District Court of Noord-Holland'),
  ('courts', 'rb-noord-nederland', 'Rechtbank Noord-Nederland', 'District Court of Noord-Nederland'),
  ('courts', 'rb-oost-brabant', 'Rechtbank Oost-Brabant', 'District Court of Oost-Brabant'),
  ('courts', 'rb-overijssel', 'Rechtbank Overijssel', 'District Court of Overijssel'),
  ('courts', 'rb-rotterdam', 'Rechtbank Rotterdam', 'District Court of Rotterdam'),
  ('courts', 'rb-zeeland-west-brabant', 'Rechtbank Zeeland-West-Brabant', 'District Court of Zeeland-West-Brabant'),
  ('courts', 'gh-amsterdam', 'Gerechtshof Amsterdam', 'Court of Appeal of Amsterdam'),
  ('courts', 'gh-arnhem-leeuwarden', 'Gerechtshof Arnhem-Leeuwarden', 'Court of Appeal of Arnhem-Leeuwarden'),
  ('courts', 'gh-den-haag', 'Gerechtshof Den Haag', 'Court of Appeal of The Hague'),
  ('courts', 'gh-den-bosch', 'Gerechtshof ''s-Hertogenbosch', 'Court of Appeal of ''s-Hertogenbosch'),
  ('courts', 'hoge-raad', 'Hoge Raad der Nederlanden', 'Supreme Court of the Netherlands'),
  ('courts', 'raad-van-state', 'Raad van State (Afdeling bestuursrechtspraak)', 'Council of State (Administrative Jurisdiction Division)'),
  ('channels', 'brief', 'Brief', 'Letter'),
  ('channels', 'telefoon', 'Telefoon', 'Telephone'),
  ('channels', 'e-mail', 'E-mail', 'Email'),
  ('channels', 'persoonlijk-gesprek', 'Persoonlijk gesprek', 'In-person meeting'),
  ('channels', 'videogesprek', 'Videogesprek', 'Video call'),
  ('channels', 'via-advocaat', 'Via de advocaat', 'Through the lawyer'),
  ('channels', 'via-slachtofferhulp', 'Via Slachtofferhulp Nederland', 'Through Victim Support Netherlands'),
  ('channels', 'via-tolk', 'Via een tolk', 'Through an interpreter'),
  ('topics', 'vervolging', 'Beslissing over vervolging', 'Decision to prosecute'),
  ('topics', 'zitting', 'Datum en plaats van de zitting', 'Date and place of the hearing'),
  ('topics', 'uitspraak', 'Uitspraak', 'Judgment'),
  ('topics', 'hoger-beroep', 'Hoger beroep', 'Appeal'),
  ('topics', 'cassatie', 'Cassatie', 'Cassation'),
  ('topics', 'afsluiting', 'Afsluiting van de zaak', 'Closure of the case'),
  ('topics', 'periodieke-update', 'Periodieke stand van zaken', 'Periodic update'),
  ('topics', 'spreekrecht', 'Spreekrecht', 'Right to speak at the hearing'),
  ('topics', 'schadevergoeding', 'Schadevergoeding (benadeelde partij)', 'Compensation (injured party)'),
  ('topics', 'vrijlating', 'Vrijlating of ontsnapping van de verdachte', 'Release or escape of the suspect');
