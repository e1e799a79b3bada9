<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CoachingView</name>
    <message>
        <source>Coaching — {name}</source>
        <translation>Coaching — {name}</translation>
    </message>
    <message>
        <source>all agents</source>
        <translation>tous les conseillers</translation>
    </message>
    <message>
        <source>{team} · {n} agents · {period} · channels: {channels}</source>
        <translation>{team} · {n} conseillers · {period} · canaux : {channels}</translation>
    </message>
    <message>
        <source>Coach another agent</source>
        <translation>Coacher un autre conseiller</translation>
    </message>
    <message>
        <source>rest of the team</source>
        <translation>reste de l'équipe</translation>
    </message>
    <message>
        <source>share of contacts</source>
        <translation>part des contacts</translation>
    </message>
    <message>
        <source>{kpi}: trend by {bucket}</source>
        <translation>{kpi} : évolution par {bucket}</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semaine</translation>
    </message>
    <message>
        <source>team</source>
        <translation>équipe</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objectif</translation>
    </message>
    <message>
        <source>{kpi}: no contact-level reading</source>
        <translation>{kpi} : pas de lecture contact par contact</translation>
    </message>
    <message>
        <source>{kpi}: {why} ({n})</source>
        <translation>{kpi} : {why} ({n})</translation>
    </message>
    <message>
        <source>Privacy mode</source>
        <translation>Mode confidentialité</translation>
    </message>
    <message>
        <source>Hide other agents' names and customer details (Ctrl+Shift+P)</source>
        <translation>Masquer les noms des autres conseillers et les données clients (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>PDF coaching sheet…</source>
        <translation>Fiche de coaching PDF…</translation>
    </message>
    <message>
        <source>Export chart (PNG)</source>
        <translation>Exporter un graphique (PNG)</translation>
    </message>
    <message>
        <source>The agent against the team</source>
        <translation>Le conseiller face à l'équipe</translation>
    </message>
    <message>
        <source>Strengths and areas to work on</source>
        <translation>Points forts et axes de progrès</translation>
    </message>
    <message>
        <source>Quality: QA scores and what customers said</source>
        <translation>Qualité : évaluations QA et paroles de clients</translation>
    </message>
    <message>
        <source>Coaching notes and goals</source>
        <translation>Notes de coaching et objectifs</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Points forts</translation>
    </message>
    <message>
        <source>To work on</source>
        <translation>Axes de progrès</translation>
    </message>
    <message>
        <source>Nothing stands out against the team.</source>
        <translation>Rien ne se détache de l'équipe.</translation>
    </message>
    <message>
        <source>vs median</source>
        <translation>vs médiane</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <source>Wait before answer</source>
        <translation>Attente avant réponse</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Post-appel</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>Délai de première réponse</translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation>Temps de résolution</translation>
    </message>
    <message>
        <source>CSAT scores</source>
        <translation>Notes CSAT</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF coaching sheet</source>
        <translation>Fiche de coaching PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the coaching sheet…</source>
        <translation>Rédaction de la fiche de coaching…</translation>
    </message>
    <message>
        <source>Coaching sheet written: {path} ({pages} pages)</source>
        <translation>Fiche de coaching enregistrée : {path} ({pages} pages)</translation>
    </message>
    <message>
        <source>Every figure, list and chart of this page counts only this weekday and hour across the period (goals keep their own dates). Click to remove.</source>
        <translation>Chaque indicateur, liste et graphique de cette page ne compte que ce jour de la semaine et cette heure, sur toute la période (les objectifs gardent leurs propres dates). Cliquez pour retirer ce filtre.</translation>
    </message>
    <message>
        <source>No contacts in this period</source>
        <translation>Aucun contact sur cette période</translation>
    </message>
    <message>
        <source>{name} has no contacts in this period.</source>
        <translation>{name} n'a aucun contact sur cette période.</translation>
    </message>
    <message>
        <source>No figures for this agent in this period</source>
        <translation>Aucun indicateur pour ce conseiller sur cette période</translation>
    </message>
    <message>
        <source>{name} has {n} contacts in this period, none with a figure to compare.</source>
        <translation>{name} a {n} contacts sur cette période, aucun ne donne d'indicateur à comparer.</translation>
    </message>
    <message>
        <source>channels: {channels}</source>
        <translation>canaux : {channels}</translation>
    </message>
    <message>
        <source>Choose a longer period or other filters on the desk, or another agent in the list above.</source>
        <translation>Choisissez une période plus longue ou d'autres filtres dans le tableau de bord, ou un autre conseiller dans la liste ci-dessus.</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>{kpi}: no contact to list (the data counts contacts per period)</source>
        <translation>{kpi} : aucun contact à lister (les données comptent les contacts par période)</translation>
    </message>
</context>
<context>
    <name>CoachingTable</name>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Médiane équipe</translation>
    </message>
    <message>
        <source>Q1 – Q3</source>
        <translation>Q1 – Q3</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Centile</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>pts</source>
        <translation>pts</translation>
    </message>
    <message>
        <source>small sample</source>
        <translation>petit échantillon</translation>
    </message>
    <message>
        <source>Small sample: shown, not ranked.</source>
        <translation>Petit échantillon : affiché, non classé.</translation>
    </message>
    <message>
        <source>Click to list the contacts behind this figure.</source>
        <translation>Cliquer pour lister les contacts derrière ce chiffre.</translation>
    </message>
</context>
<context>
    <name>CoachingContacts</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Survey comment</source>
        <translation>Commentaire d'enquête</translation>
    </message>
    <message>
        <source>longest handle times</source>
        <translation>traitements les plus longs</translation>
    </message>
    <message>
        <source>longest talk times</source>
        <translation>conversations les plus longues</translation>
    </message>
    <message>
        <source>longest holds</source>
        <translation>mises en attente les plus longues</translation>
    </message>
    <message>
        <source>longest wrap-ups</source>
        <translation>clôtures les plus longues</translation>
    </message>
    <message>
        <source>longest waits before answer</source>
        <translation>attentes les plus longues avant réponse</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abandons</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transferts</translation>
    </message>
    <message>
        <source>customer came back within the repeat window</source>
        <translation>client revenu dans la fenêtre de réitération</translation>
    </message>
    <message>
        <source>not resolved, or customer came back</source>
        <translation>non résolus, ou client revenu</translation>
    </message>
    <message>
        <source>tickets over the response SLA</source>
        <translation>tickets hors délai de réponse</translation>
    </message>
    <message>
        <source>longest resolutions</source>
        <translation>résolutions les plus longues</translation>
    </message>
    <message>
        <source>reopened tickets</source>
        <translation>tickets rouverts</translation>
    </message>
    <message>
        <source>most replies</source>
        <translation>le plus d'échanges</translation>
    </message>
    <message>
        <source>longest first replies</source>
        <translation>premières réponses les plus lentes</translation>
    </message>
    <message>
        <source>low CSAT</source>
        <translation>CSAT basse</translation>
    </message>
    <message>
        <source>lowest survey scores</source>
        <translation>notes d'enquête les plus basses</translation>
    </message>
    <message>
        <source>lowest QA scores</source>
        <translation>notes QA les plus basses</translation>
    </message>
</context>
<context>
    <name>CoachingNotes</name>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Coaching history</source>
        <translation>Historique de coaching</translation>
    </message>
    <message>
        <source>What was said, what was agreed…</source>
        <translation>Ce qui a été dit, ce qui a été convenu…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Ajouter l'objectif</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>en bonne voie</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>à risque</translation>
    </message>
    <message>
        <source>met</source>
        <translation>atteint</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>KPIs discussed</source>
        <translation>Indicateurs abordés</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>A coaching note needs some text.</source>
        <translation>Une note de coaching doit contenir du texte.</translation>
    </message>
    <message>
        <source>The due date is before today.</source>
        <translation>L'échéance est antérieure à aujourd'hui.</translation>
    </message>
    <message>
        <source>No coaching note yet.</source>
        <translation>Aucune note de coaching pour l'instant.</translation>
    </message>
</context>
<context>
    <name>CoachingQuality</name>
    <message>
        <source>QA evaluation</source>
        <translation>Évaluation qualité</translation>
    </message>
    <message>
        <source>No QA evaluation imported for this period.</source>
        <translation>Aucune évaluation qualité importée pour cette période.</translation>
    </message>
    <message>
        <source>QA score</source>
        <translation>Note QA</translation>
    </message>
    <message>
        <source>team</source>
        <translation>équipe</translation>
    </message>
    <message>
        <source>QA evaluation per criterion</source>
        <translation>Évaluation qualité par critère</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>No survey comment on a low score in this period.</source>
        <translation>Aucun commentaire sur une note basse pendant cette période.</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>Ce que disent les clients</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Arrived</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>non résolu</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <source>No survey answer for this contact.</source>
        <translation>Pas de réponse d'enquête pour ce contact.</translation>
    </message>
    <message>
        <source>QA evaluation</source>
        <translation>Évaluation qualité</translation>
    </message>
    <message>
        <source>No QA evaluation imported for this contact.</source>
        <translation>Aucune évaluation qualité importée pour ce contact.</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Mise en attente</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Première réponse</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>rouvert</translation>
    </message>
    <message>
        <source>Contact #{id}</source>
        <translation>Contact n° {id}</translation>
    </message>
</context>
<context>
    <name>PrivacyBanner</name>
    <message>
        <source>● Privacy mode on — other agents are shown as aliases, customer details are masked (Ctrl+Shift+P to turn off)</source>
        <translation>● Mode confidentialité activé — les autres conseillers sont anonymisés, les données clients masquées (Ctrl+Maj+P pour le désactiver)</translation>
    </message>
</context>
</TS>
