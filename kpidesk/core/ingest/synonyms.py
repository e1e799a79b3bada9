"""What columns are called in English and French exports, per canonical field.

Used to propose a mapping for an unknown file. Names are compared after
:func:`identifiers.normalize` (no case, no accents, punctuation as spaces), so one
spelling per word is enough. ``TABLE_HINTS`` says which fields identify a kind of
export; ``EXPECTED_SHAPE`` which value shapes a field accepts.
"""

from __future__ import annotations

SYNONYMS: dict[str, list[str]] = {
    "source_key": ["id", "call id", "callid", "ticket id", "ticket", "conversation id", "chat id", "session id",
                   "response id", "survey id", "identifiant", "id appel", "numero de ticket", "n ticket", "uniqueid",
                   "contact id", "reference", "ref"],
    "arrived_at": ["date", "start", "start time", "created", "created at", "created time", "creation date",
                   "date de creation", "arrived at", "call time", "timestamp", "date appel", "date heure",
                   "heure", "time", "started at", "debut", "opened"],
    "agent_id": ["agent", "agent id", "agent name", "conseiller", "operateur", "operator", "assignee",
                 "assigned to", "owner", "responsable", "user", "utilisateur"],
    "queue": ["queue", "file", "file d attente", "skill", "group", "groupe", "team", "equipe", "service"],
    "customer_id": ["customer", "customer id", "client", "caller", "caller id", "appelant", "requester",
                    "demandeur", "email", "customer email", "contact", "numero appelant", "visitor"],
    "topic": ["topic", "subject", "sujet", "motif", "reason", "category", "categorie", "type", "ticket type",
              "ticket subject", "theme"],
    "outcome": ["outcome", "result", "resultat", "disposition", "statut appel", "answered", "decroche", "repondu",
                "call status"],
    "status": ["status", "statut", "state", "etat", "ticket status"],
    "wait_s": ["wait", "wait time", "speed of answer", "temps d attente", "attente", "queue time", "duree d attente"],
    "talk_s": ["talk", "talk time", "duration", "duree", "conversation", "duree de conversation", "handle time"],
    "hold_s": ["hold", "hold time", "mise en attente"],
    "wrap_s": ["wrap", "wrap up", "acw", "post appel", "after call work"],
    "solved_at": ["solved", "solved at", "resolved", "resolved time", "resolved date", "closed", "closed at",
                  "date de resolution", "date de cloture", "resolution date"],
    "first_response_at": ["first response", "first response time", "first reply", "premiere reponse"],
    "priority": ["priority", "priorite", "ticket priority", "urgence"],
    "channel": ["channel", "canal", "ticket channel", "source", "media", "medium"],
    "product": ["product", "produit", "product purchased", "offre"],
    "score": ["score", "rating", "note", "satisfaction", "csat", "nps", "customer satisfaction rating",
              "likelihood to recommend", "recommandation", "effort", "ces", "reponse"],
    "answered_at": ["answered at", "surveyed at", "response date", "date de reponse", "submitted at",
                    "date", "created at", "timestamp"],
    "comment": ["comment", "commentaire", "verbatim", "feedback", "remarque"],
    "contact_ref": ["ticket id", "call id", "contact id", "conversation id", "ticket", "interaction id"],
    "started_at": ["start", "start time", "login", "login time", "connexion", "debut", "from", "started at"],
    "ended_at": ["end", "end time", "logout", "logout time", "deconnexion", "fin", "to", "ended at"],
    "state": ["state", "status", "etat", "statut", "activity", "activite"],
    "reason": ["reason", "pause reason", "motif", "motif de pause", "code"],
    "duration_s": ["duration", "duree", "time", "temps"],
}

TABLE_HINTS = {
    "contacts": {"signature": ["arrived_at", "source_key", "wait_s", "talk_s", "outcome", "solved_at"],
                 "fields": ["source_key", "arrived_at", "agent_id", "queue", "customer_id", "topic", "outcome",
                            "status", "channel", "priority", "product", "wait_s", "talk_s", "hold_s", "wrap_s",
                            "solved_at", "first_response_at"]},
    "surveys": {"signature": ["score", "comment"],
                "fields": ["source_key", "score", "answered_at", "contact_ref", "agent_id", "customer_id", "comment"]},
    "agent_sessions": {"signature": ["agent_id", "started_at", "ended_at", "state"],
                       "fields": ["source_key", "agent_id", "started_at", "ended_at", "state", "reason",
                                  "duration_s", "queue"]},
}

CONSTANTS = {"contacts": {"channel": "phone"}}

EXPECTED_SHAPE = {
    "arrived_at": {"timestamp"}, "solved_at": {"timestamp"}, "first_response_at": {"timestamp"},
    "answered_at": {"timestamp"}, "started_at": {"timestamp"}, "ended_at": {"timestamp"},
    "wait_s": {"number", "duration"}, "talk_s": {"number", "duration"}, "hold_s": {"number", "duration"},
    "wrap_s": {"number", "duration"}, "duration_s": {"number", "duration"},
    "score": {"number", "score"}, "agent_id": {"text", "number"}, "queue": {"text"},
}
