"""Ordered, named schema migrations.

The database records every migration it has applied in ``schema_migrations``.
A migration is never edited once released: add a new one at the end instead.
A database that records a migration this version does not know was written by a
newer kpidesk and is refused (see ``store.py``).

Timestamps are the *local time of the data* (naive ``TIMESTAMP``; the data's time
zone is the ``data_timezone`` setting). Durations are stored in seconds and are
computed at import from zone-aware instants, so a ticket that spans a DST change
gets its true duration.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "001_canonical_schema",
        """
        CREATE TABLE imports (
            import_id      INTEGER PRIMARY KEY,
            file_name      VARCHAR NOT NULL,
            file_path      VARCHAR,
            file_hash      VARCHAR NOT NULL,
            file_size      BIGINT,
            profile        VARCHAR,
            started_at     TIMESTAMP NOT NULL,
            finished_at    TIMESTAMP,
            rows_read      BIGINT DEFAULT 0,
            rows_loaded    BIGINT DEFAULT 0,
            rows_duplicate BIGINT DEFAULT 0,
            rows_rejected  BIGINT DEFAULT 0,
            rows_ignored   BIGINT DEFAULT 0,      -- event-log lines that are not contacts
            message        VARCHAR
        );
        CREATE TABLE import_rejects (
            import_id INTEGER NOT NULL,
            line      BIGINT,
            reason    VARCHAR NOT NULL,
            raw       VARCHAR
        );
        CREATE TABLE agents (
            agent_id   VARCHAR PRIMARY KEY,
            name       VARCHAR,
            team       VARCHAR,
            site       VARCHAR,
            outsourced BOOLEAN DEFAULT false,
            import_id  INTEGER
        );
        CREATE TABLE customers (
            customer_id VARCHAR PRIMARY KEY,
            name        VARCHAR,
            email       VARCHAR,
            phone       VARCHAR,
            started_on  DATE,
            ended_on    DATE,
            purchases   INTEGER,
            import_id   INTEGER
        );
        -- One row per customer interaction, any channel.
        CREATE TABLE contacts (
            contact_id        BIGINT NOT NULL,
            source            VARCHAR NOT NULL,   -- export family: asterisk, zendesk, demo…
            source_key        VARCHAR NOT NULL,   -- natural key within the source (dedupe)
            channel           VARCHAR NOT NULL,   -- phone, email, chat, bot, social…
            direction         VARCHAR NOT NULL DEFAULT 'inbound',
            queue             VARCHAR,
            agent_id          VARCHAR,
            customer_id       VARCHAR,
            topic             VARCHAR,
            product           VARCHAR,
            site              VARCHAR,
            priority          VARCHAR,
            status            VARCHAR,
            arrived_at        TIMESTAMP NOT NULL, -- call entered queue / ticket or chat created
            answered_at       TIMESTAMP,          -- call connected / chat accepted by a human
            first_response_at TIMESTAMP,          -- first agent reply (tickets, chats)
            ended_at          TIMESTAMP,
            solved_at         TIMESTAMP,
            handoff_at        TIMESTAMP,          -- bot asked for a human
            wait_s            DOUBLE,             -- queue wait (answered or abandoned)
            talk_s            DOUBLE,
            hold_s            DOUBLE,
            wrap_s            DOUBLE,
            first_response_s  DOUBLE,
            resolution_s      DOUBLE,
            handoff_wait_s    DOUBLE,             -- hand-off request → first human reply
            bot_response_s    DOUBLE,             -- delay of the bot's first reply
            avg_reply_s       DOUBLE,             -- export's own average reply time
            outcome           VARCHAR,            -- answered, abandoned, flowout, handled, missed
            transferred       BOOLEAN,
            resolved          BOOLEAN,
            reopened          BOOLEAN,
            replies           INTEGER,            -- agent replies on the ticket
            surveyed          BOOLEAN,            -- a survey was sent for this contact
            next_contact_at   TIMESTAMP,          -- derived: next contact by the same customer
            survey_answered   BOOLEAN,            -- derived: a survey answer rates this contact
            out_of_hours      BOOLEAN,            -- derived: arrived outside business hours
            import_id         INTEGER
        );
        -- Pre-aggregated rows: one per agent (or queue) × interval, from daily sheets.
        -- Counts and *sums* of durations, so that averages are weighted by counts.
        CREATE TABLE interval_stats (
            source             VARCHAR NOT NULL,
            source_key         VARCHAR NOT NULL,
            channel            VARCHAR NOT NULL,
            queue              VARCHAR,
            agent_id           VARCHAR,
            site               VARCHAR,
            topic              VARCHAR,
            interval_start     TIMESTAMP NOT NULL,
            interval_s         INTEGER NOT NULL,
            offered            BIGINT,    -- short abandons already excluded
            answered           BIGINT,
            abandoned          BIGINT,
            short_abandoned    BIGINT,
            flowout            BIGINT,
            sl_met             BIGINT,    -- answered within the sheet's own threshold
            sl_threshold_s     DOUBLE,
            transferred        BIGINT,
            handled            BIGINT,
            wait_answered_s    DOUBLE,    -- sum over answered calls
            wait_abandoned_s   DOUBLE,    -- sum over abandoned calls
            max_wait_s         DOUBLE,
            talk_s             DOUBLE,    -- sums over handled contacts
            hold_s             DOUBLE,
            wrap_s             DOUBLE,
            logged_in_s        DOUBLE,
            paused_s           DOUBLE,
            import_id          INTEGER
        );
        CREATE TABLE messages (
            source      VARCHAR NOT NULL,
            contact_ref VARCHAR NOT NULL,     -- source_key of the contact
            author_kind VARCHAR NOT NULL,     -- customer, agent, bot
            sent_at     TIMESTAMP NOT NULL,
            import_id   INTEGER
        );
        CREATE TABLE surveys (
            source           VARCHAR NOT NULL,
            source_key       VARCHAR NOT NULL,
            survey_type      VARCHAR NOT NULL,  -- csat, nps, ces, servqual
            score            DOUBLE,
            scale_min        DOUBLE NOT NULL,
            scale_max        DOUBLE NOT NULL,
            higher_is_better BOOLEAN NOT NULL DEFAULT true,
            dimension        VARCHAR,           -- servqual dimension
            component        VARCHAR,           -- servqual: expectation | perception
            answered_at      TIMESTAMP,
            contact_ref      VARCHAR,           -- source_key of the contact it rates
            contact_id       BIGINT,            -- resolved after import
            channel          VARCHAR,
            agent_id         VARCHAR,
            queue            VARCHAR,
            customer_id      VARCHAR,
            comment          VARCHAR,
            import_id        INTEGER
        );
        CREATE TABLE agent_sessions (
            source     VARCHAR NOT NULL,
            source_key VARCHAR NOT NULL,
            agent_id   VARCHAR NOT NULL,
            state      VARCHAR NOT NULL,        -- logged_in | pause
            reason     VARCHAR,
            started_at TIMESTAMP NOT NULL,
            ended_at   TIMESTAMP,
            duration_s DOUBLE NOT NULL,
            queue      VARCHAR,
            import_id  INTEGER
        );
        CREATE TABLE agent_schedules (
            source     VARCHAR NOT NULL,
            source_key VARCHAR NOT NULL,
            agent_id   VARCHAR NOT NULL,
            starts_at  TIMESTAMP NOT NULL,
            duration_s DOUBLE NOT NULL,
            import_id  INTEGER
        );
        CREATE TABLE evaluations (
            source       VARCHAR NOT NULL,
            source_key   VARCHAR NOT NULL,
            contact_ref  VARCHAR,
            contact_id   BIGINT,
            agent_id     VARCHAR,
            evaluated_at TIMESTAMP NOT NULL,
            criterion    VARCHAR NOT NULL,
            score        DOUBLE NOT NULL,        -- 0–100
            evaluator    VARCHAR,
            comment      VARCHAR,
            import_id    INTEGER
        );
        -- The team lead's own data: never touched by imports.
        CREATE TABLE settings (
            key   VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        );
        CREATE TABLE targets (
            kpi     VARCHAR NOT NULL,
            channel VARCHAR NOT NULL DEFAULT '*',
            target  DOUBLE,
            warning DOUBLE,
            PRIMARY KEY (kpi, channel)
        );
        CREATE TABLE holidays (
            day  DATE PRIMARY KEY,
            name VARCHAR
        );
        CREATE TABLE coaching_notes (
            note_id      INTEGER PRIMARY KEY,
            agent_id     VARCHAR NOT NULL,
            session_date DATE NOT NULL,
            text         VARCHAR NOT NULL,
            kpis         VARCHAR[],
            created_at   TIMESTAMP NOT NULL
        );
        CREATE TABLE coaching_goals (
            goal_id    INTEGER PRIMARY KEY,
            agent_id   VARCHAR NOT NULL,
            kpi        VARCHAR NOT NULL,
            target     DOUBLE NOT NULL,
            start_date DATE NOT NULL,
            due_date   DATE NOT NULL,
            note       VARCHAR,
            created_at TIMESTAMP NOT NULL
        );
        -- Derived from the business-hours setting: one row per weekday × 15-minute slot.
        CREATE TABLE calendar_slots (
            dow     INTEGER NOT NULL,   -- ISO: 1 = Monday … 7 = Sunday
            slot    INTEGER NOT NULL,   -- 0 … 95
            is_open BOOLEAN NOT NULL
        );
        """,
    ),
    (
        "002_rollups",
        """
        -- Bumped by every write that can change facts (Store.write(facts=True)).
        CREATE TABLE facts_state (version BIGINT NOT NULL);
        INSERT INTO facts_state VALUES (0);
        -- Pre-aggregated facts (kpi/rollup.py): which facts version and KPI set each
        -- relation's rollup tables (_rollup_<relation>_hour/_day) were built for.
        CREATE TABLE rollup_state (
            relation      VARCHAR PRIMARY KEY,
            facts_version BIGINT NOT NULL,
            stamp         VARCHAR NOT NULL,   -- hash of the KPI columns, parameters, layout
            built_at      TIMESTAMP NOT NULL,
            rows          BIGINT
        );
        """,
    ),
    (
        "003_derived_state",
        """
        -- The newest import whose derived facts (derive.py: next contact, survey links,
        -- agents list) are computed. Imports commit their rows first; the derived facts
        -- follow in their own transaction, once per batch of files (derive.catch_up).
        CREATE TABLE derived_state (through_import INTEGER NOT NULL);
        INSERT INTO derived_state SELECT coalesce(max(import_id), 0) FROM imports;
        """,
    ),
    (
        "004_contact_segments",
        """
        -- contacts becomes a view over contacts_main and one table per bulk import
        -- (contact_tables.py). A later migration that changes contacts_main's columns
        -- recreates the view (contact_tables.rebuild_view).
        ALTER TABLE contacts RENAME TO contacts_main;
        CREATE TABLE contact_segments (
            import_id   INTEGER PRIMARY KEY,
            table_name  VARCHAR NOT NULL,
            constants   VARCHAR NOT NULL,   -- JSON {column: [value, type]}: the view's constants
            rows        BIGINT
        );
        CREATE VIEW contacts AS SELECT * FROM contacts_main;
        """,
    ),
    (
        "005_figure_comments",
        """
        -- The team lead's comments on figures (core/comments.py): why a KPI moved over a
        -- period and what is done about it. Their own data: imports never touch it.
        CREATE TABLE figure_comments (
            comment_id INTEGER PRIMARY KEY,
            kpi        VARCHAR NOT NULL,
            date_from  DATE NOT NULL,
            date_to    DATE NOT NULL,          -- inclusive; = date_from for one day
            channel    VARCHAR,                -- optional scope; NULL = all
            queue      VARCHAR,
            site       VARCHAR,
            agent_id   VARCHAR,
            text       VARCHAR NOT NULL,
            action     VARCHAR,
            owner      VARCHAR,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        """,
    ),
    (
        "006_facts_changes",
        """
        -- The days whose facts a write changed (db/derive.py), per facts version: the
        -- rollups (kpi/rollup.py) recompute only those days. A version with no row
        -- here (a calendar or agents change…) rebuilds them all; a row with a NULL day
        -- says the version's days are listed (possibly none).
        CREATE TABLE facts_changes (version BIGINT NOT NULL, day TIMESTAMP);
        -- KPI files checked against the rollups (kpi/engine.py), by their hash.
        CREATE TABLE kpi_checks (stamp VARCHAR PRIMARY KEY, result VARCHAR NOT NULL, checked_at TIMESTAMP);
        """,
    ),
    (
        "007_import_accounting",
        """
        -- Every source column of an import (core/ingest/accounting.py): the field it fed
        -- (NULL: not used), how sure the match was and how its values were read; and the
        -- ignored rows per reason. The import history shows them beside the rejects.
        CREATE TABLE import_columns (
            import_id     INTEGER NOT NULL,
            position      INTEGER NOT NULL,   -- the column's place in the file, from 1
            source_column VARCHAR NOT NULL,
            field         VARCHAR,
            confidence    DOUBLE,
            rule          VARCHAR NOT NULL
        );
        CREATE TABLE import_ignored (
            import_id INTEGER NOT NULL,
            reason    VARCHAR NOT NULL,
            rows      BIGINT NOT NULL
        );
        -- The natural key used to tell records apart (and find duplicates).
        CREATE TABLE import_keys (import_id INTEGER PRIMARY KEY, key_used VARCHAR NOT NULL);
        """,
    ),
    (
        "008_arrived_time_known",
        """
        -- false: the export gave the day of arrival without its time (a date-only
        -- column); NULL: the time is known. Such contacts are neither in nor out of
        -- hours (relations.hours_known). The view is made again to show the column
        -- (startup.open_database then adds back the segments of a bulk import, if any).
        ALTER TABLE contacts_main ADD COLUMN arrived_time_known BOOLEAN;
        CREATE OR REPLACE VIEW contacts AS SELECT * FROM contacts_main;
        """,
    ),
    (
        "009_response_target",
        """
        -- A ticket's own first-response target, in seconds, when the export gives one
        -- (Salesforce's "Target Response (Hours)" per milestone); NULL: the email
        -- response SLA setting applies (relations.CONTACTS response_target_s).
        ALTER TABLE contacts_main ADD COLUMN response_target_s DOUBLE;
        CREATE OR REPLACE VIEW contacts AS SELECT * FROM contacts_main;
        """,
    ),
    (
        "010_record_kind",
        """
        -- What a contact record is, from the kind of file it came from: 'call' (a call
        -- log), 'ticket' (a ticket list: whatever its channel, a ticket opened by phone
        -- or chat stays a ticket), 'chat' or 'bot' (chat conversations). The channel
        -- stays an attribute. Rows imported before get the kind their channel meant until
        -- now (contact_tables.kind_of_channel); the rows of a bulk import's own table,
        -- without the column, are read the same way (contact_tables.kind).
        ALTER TABLE contacts_main ADD COLUMN record_kind VARCHAR;
        UPDATE contacts_main SET record_kind = CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat'
            WHEN 'bot' THEN 'bot' ELSE 'ticket' END;
        -- The export's own verdict on a ticket's response and resolution targets (a
        -- "response_sla_met" True/False column): it beats the target kpidesk would apply
        -- (relations.CONTACTS response_met, resolution_met). NULL: not given.
        ALTER TABLE contacts_main ADD COLUMN response_sla_met BOOLEAN;
        ALTER TABLE contacts_main ADD COLUMN resolution_sla_met BOOLEAN;
        CREATE OR REPLACE VIEW contacts AS SELECT * FROM contacts_main;
        """,
    ),
    (
        "011_import_outcomes",
        """
        -- The outcomes an import's contact rows can say (ingest/outcomes.py): a chat
        -- export that lists served chats only can say 'answered', never 'abandoned', so
        -- its chats are left out of the abandon rate (relations.CONTACTS abandon_known)
        -- instead of counting as 0 % abandoned. NULL: not restricted (not a contacts
        -- import, or a format whose words are its own). Imports made before: only
        -- those whose rows say no outcome but 'answered' (a list of served contacts,
        -- or a log without outcomes) are restricted to what they hold; any other keeps
        -- its figures as they were (a day without an abandon or an overflow is not a
        -- file that cannot say one).
        ALTER TABLE imports ADD COLUMN outcomes VARCHAR[];
        UPDATE imports SET outcomes = (
            SELECT coalesce(list(DISTINCT c.outcome) FILTER (WHERE c.outcome IS NOT NULL), [])
            FROM contacts c WHERE c.import_id = imports.import_id
        )
        WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.import_id = imports.import_id)
          AND NOT EXISTS (
              SELECT 1 FROM contacts c
              WHERE c.import_id = imports.import_id AND c.outcome IS NOT NULL AND c.outcome <> 'answered'
          );
        """,
    ),
    (
        "012_record_kind_by_profile",
        """
        -- Migration 010 gave the rows imported before it the kind their channel meant: a
        -- ticket received by phone stayed a call until re-imported. Each import recorded
        -- the profile that read its file, and a built-in profile says what its file holds
        -- (its record_kind): the rows of those imports get it. Imports read by a mapping
        -- of the user's own (no built-in name) keep the kind of their channel. The names
        -- below are the built-in profiles of contacts as of this migration.
        CREATE TEMP TABLE _kd_profile_kinds AS SELECT * FROM (VALUES
            ('generic_call_log', 'call'), ('generic_call_event_log', 'call'), ('asterisk_cdr', 'call'),
            ('asterisk_cdr_db', 'call'), ('asterisk_cdr_legacy', 'call'), ('asterisk_queue_log', 'call'),
            ('asterisk_queue_log_db', 'call'), ('pbxware_queue_log', 'call'),
            ('generic_ticket_list', 'ticket'), ('generic_event_log', 'ticket'), ('zendesk_tickets_csv', 'ticket'),
            ('zendesk_tickets_json', 'ticket'), ('freshdesk_tickets', 'ticket'), ('salesforce_case', 'ticket'),
            ('generic_chat_conversations', 'chat'), ('salesforce_chat', 'chat')
        ) AS k(profile, kind);
        CREATE TEMP TABLE _kd_import_kinds AS
            SELECT i.import_id, k.kind FROM imports i JOIN _kd_profile_kinds k USING (profile);
        UPDATE contacts_main SET record_kind = CASE WHEN k.kind = 'chat' AND contacts_main.channel = 'bot'
                                                    THEN 'bot' ELSE k.kind END
            FROM _kd_import_kinds k WHERE contacts_main.import_id = k.import_id;
        -- A bulk import's own table from before 010 has no record_kind (read by its
        -- channel, contact_tables.kind): a call or ticket file's kind becomes one of the
        -- constants the view gives its rows (startup.open_database makes the view again).
        UPDATE contact_segments SET constants = CAST(json_merge_patch(constants,
                json_object('record_kind', json_array(k.kind, 'VARCHAR'))) AS VARCHAR)
            FROM _kd_import_kinds k
            WHERE contact_segments.import_id = k.import_id AND k.kind IN ('call', 'ticket')
              AND json_extract(contact_segments.constants, '$.record_kind') IS NULL
              AND NOT EXISTS (SELECT 1 FROM duckdb_columns() d
                              WHERE d.table_name = contact_segments.table_name AND d.column_name = 'record_kind');
        DROP TABLE _kd_import_kinds;
        DROP TABLE _kd_profile_kinds;
        -- The figures computed before are made again from the rows' kinds.
        UPDATE facts_state SET version = version + 1;
        """,
    ),
    (
        "013_record_kind_of_mapped_imports",
        """
        -- Imports made before migration 010 by a mapping of the user's own (the mapping
        -- dialog, a profile the user saved, a proposal: no built-in profile, so 012 left
        -- them) kept the kind their channel meant: a ticket list mapped by hand whose
        -- channel column says "Phone" or "Chat" was counted as calls or chats. Their rows
        -- and the fields its columns fed (import_columns, since 007) say what the file
        -- was: an import whose rows or columns carry ticket fields (status, solved time,
        -- first response time, resolution time, reopened, replies, priority, SLA
        -- verdicts) and none of a call's or a chat's (wait, talk, hold, wrap time,
        -- answer or end time, hand-off, outcome) is a ticket list: its rows become
        -- tickets, their channel kept as an attribute. Any other keeps its kind (a file
        -- with both, or neither, does not say). Imports made since 010 are left alone: a
        -- mapping has said its kind of file since then (ingest.preview.KINDS). (The
        -- store keeps schema_migrations; a bare schema, as the import preview makes,
        -- has none: the same table, empty, so that this reads in both.)
        CREATE TABLE IF NOT EXISTS schema_migrations
            (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL, app_version VARCHAR NOT NULL);
        CREATE TEMP TABLE _kd_said AS  -- per import: does it say ticket things, call or chat things?
            SELECT import_id,
                   count(status) + count(solved_at) + count(first_response_at) + count(resolution_s)
                   + count(reopened) + count(replies) + count(priority) + count(response_sla_met)
                   + count(resolution_sla_met) > 0 AS ticket,
                   count(wait_s) + count(talk_s) + count(hold_s) + count(wrap_s) + count(answered_at)
                   + count(ended_at) + count(handoff_at) + count(outcome) > 0 AS call_or_chat
            FROM contacts_main WHERE import_id IS NOT NULL GROUP BY import_id
            UNION ALL  -- the fields each column fed, as the import recorded them (its own table's rows too)
            SELECT import_id,
                   bool_or(field IN ('status', 'solved_at', 'first_response_at', 'resolution_s', 'reopened',
                                     'replies', 'priority', 'response_sla_met', 'resolution_sla_met')),
                   bool_or(field IN ('wait_s', 'talk_s', 'hold_s', 'wrap_s', 'answered_at', 'ended_at',
                                     'handoff_at', 'outcome'))
            FROM import_columns WHERE field IS NOT NULL GROUP BY import_id;
        CREATE TEMP TABLE _kd_ticket_imports AS
            SELECT s.import_id FROM _kd_said s JOIN imports i USING (import_id)
            WHERE i.started_at < coalesce((SELECT applied_at FROM schema_migrations WHERE name = '010_record_kind'),
                                          TIMESTAMP '9999-12-31')
              AND i.profile NOT IN ('generic_call_log', 'generic_call_event_log', 'asterisk_cdr', 'asterisk_cdr_db',
                  'asterisk_cdr_legacy', 'asterisk_queue_log', 'asterisk_queue_log_db', 'pbxware_queue_log',
                  'generic_ticket_list', 'generic_event_log', 'zendesk_tickets_csv', 'zendesk_tickets_json',
                  'freshdesk_tickets', 'salesforce_case', 'generic_chat_conversations', 'salesforce_chat',
                  'amazon_connect_ctr')
            GROUP BY s.import_id
            HAVING bool_or(s.ticket) AND NOT bool_or(s.call_or_chat);
        DROP TABLE _kd_said;
        -- The figures computed before are made again when a row's kind changes.
        UPDATE facts_state SET version = version + 1 WHERE EXISTS (
            SELECT 1 FROM contacts_main
            WHERE import_id IN (SELECT import_id FROM _kd_ticket_imports) AND record_kind IS DISTINCT FROM 'ticket');
        UPDATE contacts_main SET record_kind = 'ticket'
            WHERE import_id IN (SELECT import_id FROM _kd_ticket_imports) AND record_kind IS DISTINCT FROM 'ticket';
        -- Such an import loaded into its own table (a segment, without record_kind): its
        -- rows' kind becomes a constant of the view, as 012 does for built-in profiles.
        UPDATE facts_state SET version = version + 1 WHERE EXISTS (
            SELECT 1 FROM contact_segments g JOIN _kd_ticket_imports k USING (import_id)
            WHERE json_extract(g.constants, '$.record_kind') IS NULL);
        UPDATE contact_segments SET constants = CAST(json_merge_patch(constants,
                json_object('record_kind', json_array('ticket', 'VARCHAR'))) AS VARCHAR)
            WHERE import_id IN (SELECT import_id FROM _kd_ticket_imports)
              AND json_extract(constants, '$.record_kind') IS NULL
              AND NOT EXISTS (SELECT 1 FROM duckdb_columns() d
                              WHERE d.table_name = contact_segments.table_name AND d.column_name = 'record_kind');
        DROP TABLE _kd_ticket_imports;
        """,
    ),
    (
        "014_interval_handle_time",
        """
        -- An interval report's handle time when it gives the average handle time (AHT,
        -- DMT) and not its parts (talk, hold, wrap-up): the sum over its handled calls.
        -- The AHT reads it; the talk time stays unknown rather than taking the AHT's value.
        ALTER TABLE interval_stats ADD COLUMN handle_s DOUBLE;
        """,
    ),
]


def known_names() -> list[str]:
    return [name for name, _ in MIGRATIONS]
