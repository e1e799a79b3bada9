"""Privacy mode: aliases, masks and redaction are pure functions, tested one by one."""

import pytest

from kpidesk.core.privacy import Privacy, alias_letters, mask_customer, mask_email, mask_phone, redact
from tests.helpers.coaching_fixtures import build_store

ROSTER = {"A2": "Bruno Petit", "A1": "Alice Martin", "A3": "Chloé Durand", "A10": "Thomas Roux"}


@pytest.mark.parametrize(
    "text",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "0033 6 12 34 56 78",
        "+212 6 12 34 56 78",
        "01 23 45 67 89",
        "06\u00a012\u00a034\u00a056\u00a078",
    ],
)
def test_redact_phone_formats(text):
    out = redact(f"Rappelez-moi au {text} demain")
    assert out == "Rappelez-moi au [phone] demain"
    assert "78" not in out and "89" not in out


@pytest.mark.parametrize(
    "text",
    [
        "jeanne.dupont@exemple.fr",
        "j.dupont+sav@mail.example",
        "MARC_L@FAI.EXAMPLE",
        "a@b.co",
    ],
)
def test_redact_emails(text):
    assert redact(f"écrivez à {text}, merci", "fr") == "écrivez à [e-mail], merci"


@pytest.mark.parametrize(
    "text",
    [
        "Commande 123456 livrée le 12/03/2024",
        "Attente 45 min, 3 appels",
        "Remboursé 49,90 €",
        "Ticket #20240312",
        "",
    ],
)
def test_redact_leaves_other_numbers(text):
    assert redact(text) == text


def test_redact_none_and_several():
    assert redact(None) is None
    assert redact("a@b.fr ou 06 12 34 56 78 ou +33 1 23 45 67 89") == "[email] ou [phone] ou [phone]"


def test_mask_email():
    assert mask_email("jeanne.dupont@exemple.fr") == "j***@***.fr"
    assert mask_email("not an email") == "•••"


def test_mask_phone_keeps_last_two_digits():
    assert mask_phone("06 12 34 56 78") == "•• •• •• •• 78"
    assert mask_phone("+33 6 12 34 56 78") == "•• •• •• •• 78"
    assert mask_phone("12") == "•••"


@pytest.mark.parametrize(
    "value, masked",
    [
        ("jeanne.dupont@exemple.fr", "j***@***.fr"),
        ("0612345678", "•• •• •• •• 78"),
        ("+33 6 98 76 54 32", "•• •• •• •• 32"),
        ("Jeanne Dupont", "J. D."),
        ("Marie-Claire de la Tour", "M. C. D. L. T."),
        ("CUST-00123", "•••"),
        ("", ""),
        (None, None),
    ],
)
def test_mask_customer(value, masked):
    assert mask_customer(value) == masked


def test_alias_letters():
    assert [alias_letters(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_aliases_are_stable_and_focus_keeps_name():
    p = Privacy(True, "A2", ROSTER)
    # by agent id: A1, A10, A2, A3 → A, B, C, D
    assert [p.agent_name(a) for a in ("A1", "A10", "A2", "A3")] == ["Agent A", "Agent B", "Bruno Petit", "Agent D"]
    other_focus = Privacy(True, "A3", ROSTER)
    assert other_focus.agent_name("A1") == "Agent A" and other_focus.agent_name("A2") == "Agent C"
    assert p.agent_name("A9", "Zoé Inconnue") == p.agent_name("A9") != "Zoé Inconnue"
    assert p.agent_name("A9").startswith("Agent #")


def test_off_shows_everything():
    p = Privacy(False, "A2", ROSTER)
    assert p.agent_name("A1") == "Alice Martin"
    assert p.customer("jeanne@exemple.fr") == "jeanne@exemple.fr"
    assert p.text("Alice au 06 12 34 56 78") == "Alice au 06 12 34 56 78"


def test_text_hides_other_agents_names_and_contacts():
    p = Privacy(True, "A2", ROSTER, lang="fr")
    text = "Bruno a repris l'appel d'alice martin ; Chloé aussi. Rappeler au 0612345678 ou a@b.fr"
    out = p.text(text)
    assert out == "Bruno a repris l'appel d'Agent A ; Agent D aussi. Rappeler au [téléphone] ou [e-mail]"
    # "Thomas" is A10's first name: hidden; a word merely containing it is not touched
    assert p.text("Thomas et Thomassin") == "Agent B et Thomassin"


def test_from_store():
    store = build_store()
    p = Privacy.from_store(store, True, "A2")
    assert p.agent_name("A1") == "Agent A" and p.agent_name("A2") == "Bruno Petit"
    assert p.customer("Jeanne Dupont") == "J. D."


# A corpus of survey comments and coaching notes as customers and team leads write
# them. Focus: Bruno Petit (A2). Every other agent, every customer (full, first or
# last name), every phone and e-mail must go; the words around them must stay.
CUSTOMERS = ("Jeanne Dupont", "Olivier Simon", "Karim Haddad")
CORPUS = [
    ("Olivier Simon a rappelé trois fois", "O. S. a rappelé trois fois"),
    ("M. Simon attend un geste commercial", "M. S. attend un geste commercial"),
    ("Rappeler Jeanne demain matin", "Rappeler J. demain matin"),
    ("Mme DUPONT très mécontente", "Mme D. très mécontente"),
    ("Durand m'a bien aidé, Martin moins", "Agent D m'a bien aidé, Agent A moins"),
    ("Merci à Chloé Durand et à Thomas", "Merci à Agent D et à Agent B"),
    ("Bruno Petit a été parfait, un petit délai seulement", "Bruno Petit a été parfait, un petit délai seulement"),
    ("joignable au 07/52/62/80/02", "joignable au [téléphone]"),
    ("son portable : 7 72 43 94 21", "son portable : [téléphone]"),
    ("au +33 7 72 43 94 21 ou 06.12.34.56.78", "au [téléphone] ou [téléphone]"),
    ("UK office +44 20 7946 0958, US (555) 123-4567", "UK office [téléphone], US [téléphone]"),
    ("écrire à jeanne . dupont @ gmail . com", "écrire à [e-mail]"),
    ("karim dot haddad at gmail dot com svp", "[e-mail] svp"),
    ("karim.haddad (at) orange (dot) fr", "[e-mail]"),
    ("jeanne arobase free point fr", "[e-mail]"),
    (
        "Commande 123456 du 12/03/2024, 49,90 €, attente 45 min",
        "Commande 123456 du 12/03/2024, 49,90 €, attente 45 min",
    ),
    ("Ticket #20240312 : 3 appels à 9 h 30", "Ticket #20240312 : 3 appels à 9 h 30"),
    ("I was at home at 6 pm, point taken", "I was at home at 6 pm, point taken"),
]


@pytest.mark.parametrize(("comment", "masked"), CORPUS)
def test_free_text_corpus(comment, masked):
    p = Privacy(True, "A2", {**ROSTER, "A4": "Rémi Martin"} | {"A1": "Alice Martin"}, "fr", CUSTOMERS)
    # "Martin" is the last name of two agents: masked, without saying whose
    expected = masked.replace("Agent A moins", "[nom] moins")
    assert p.text(comment) == expected


def test_from_store_knows_customers_names():
    from tests.helpers.coaching_fixtures import build_store

    store = build_store()
    p = Privacy.from_store(store, True, "A2", "fr")
    assert p.text("Jeanne Dupont et Marc ont appelé") == "J. D. et M. ont appelé"
